"""Entry point of the bundled program (PyInstaller starts here): the same as hamstring-app."""

import sys

from hamstring_app.cli import main

if __name__ == "__main__":
    sys.exit(main())
