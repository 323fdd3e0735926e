"""The Streamlit pages of ``app.py``: UI only, the work is done by the rest of the package.

Every text that comes from a user or from the corpus is shown as text (see
``o2r_assistant.rendering``), never as Markdown or HTML.
"""
