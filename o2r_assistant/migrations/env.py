"""Alembic environment: migrations run on the connection ``Database.migrate`` passes,
inside its transaction (``alembic`` on the command line is not used)."""

from alembic import context

connection = context.config.attributes.get("connection")
if connection is None:
    raise RuntimeError("run the migrations with o2r_assistant.db.Database(...).migrate()")
context.configure(connection=connection, transactional_ddl=True)
with context.begin_transaction():
    context.run_migrations()
