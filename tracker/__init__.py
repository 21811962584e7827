"""Shanghai AI Policy Tracker: curated, evidence-backed records built into DuckDB and shown in Streamlit."""
