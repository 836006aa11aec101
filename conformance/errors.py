"""The error hierarchy: what broke (errors) is kept apart from what failed (ConformanceFailure)."""

from __future__ import annotations


class ConformanceError(Exception):
    """Base of every error the harness raises on purpose: the run could not be done as asked."""


class SpecError(ConformanceError):
    """A catalog file is invalid. ``str()`` is one or more ``file:line: message`` lines."""

    def __init__(self, errors: list[str]) -> None:
        super().__init__("\n".join(errors))
        self.errors = errors


class ProfileError(ConformanceError):
    """A vendor profile is invalid or names something that does not exist."""


class TargetError(ConformanceError):
    """The target (vendor API, export directory ...) broke: the rule could not be judged."""


class UnreachableError(TargetError):
    """The target could not be reached at all (refused, no route, no answer in time, TLS failed):
    nothing more can be judged, so the run stops at the first one (verdict ``not_run``)."""


class CredentialsRefused(TargetError):
    """The target answered 401 or 403 where the harness must be let in (loading the test data): the
    profile's credentials were refused, the system itself is there."""


class NotAutomated(ConformanceError):
    """The check cannot judge this vendor (e.g. its driver adapter lacks an operation, or the profile says the
    vendor does not serve an API operation the check would call): the requirement is NOT_AUTOMATED with this
    reason, never PASS. Here, below the targets, so that the HTTP client can refuse to send a request for what the
    profile says the vendor does not offer (conformance/targets/offers.py); checks import it from the registry."""


class UsageError(ConformanceError):
    """The command line or API was called with arguments that cannot work."""


class ConformanceFailure(Exception):
    """A requirement was checked and is not met. Not a ConformanceError: nothing broke."""
