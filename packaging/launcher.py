"""Entry point of the bundled program (PyInstaller starts here): the same as hamstring-app.

``freeze_support()`` comes first: a big import parses its files in worker processes
(hamstring_app.importer.parallel), and in a bundle each worker is this program started
again with multiprocessing's own arguments; it runs the worker and exits there.
"""

import multiprocessing
import sys

if __name__ == "__main__":
    multiprocessing.freeze_support()
    from hamstring_app.cli import main

    sys.exit(main())
