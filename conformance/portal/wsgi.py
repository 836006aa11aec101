"""The portal's WSGI application (for waitress, gunicorn, mod_wsgi ...)."""

from __future__ import annotations

import os

from django.core.wsgi import get_wsgi_application

from conformance.portal.home import keep_secret_key

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "conformance.portal.settings")
keep_secret_key()
application = get_wsgi_application()
