import sys

from hamstring_app.cli import main

sys.exit(main())
