"""Browser tests: a real Streamlit server driven by the system Chromium through Playwright."""
