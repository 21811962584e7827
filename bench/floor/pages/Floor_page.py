"""The floor page at the page path /Floor_page (see ../floor_page.py)."""
from floor_page import draw   # the script's folder is on sys.path when Streamlit runs it

draw()
