"""The portal's WSGI application (for waitress, gunicorn, mod_wsgi ...)."""

from __future__ import annotations

import os

from django.core.wsgi import get_wsgi_application

from conformance.portal.hardening import make_private
from conformance.portal.home import home_directory, keep_secret_key

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "conformance.portal.settings")
keep_secret_key()
make_private(home_directory())
application = get_wsgi_application()
