"""The floor page at the root URL (see floor_page.py); pages/Floor_page.py serves it at /Floor_page."""
from floor_page import draw   # the script's folder is on sys.path when Streamlit runs it

draw()
