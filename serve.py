"""The web server: `streamlit run serve.py` serves the app (``app.py``) through ``st.App``.

Around the Streamlit script it adds what Streamlit has no option for: the page declares
French (``lang="fr"``), and the embedding model and index are loaded when the server
starts rather than in the first visitor's session (``o2r_assistant.ui.server``).
"""

from __future__ import annotations

import streamlit as st
from starlette.middleware import Middleware

from o2r_assistant.ui.server import HtmlLang, lifespan

app = st.App("app.py", lifespan=lifespan, middleware=[Middleware(HtmlLang, lang="fr")])
