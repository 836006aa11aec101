"""The model of 住民記録 (conformance.domains.jumin.oracles.model) judged against a vendor by a state machine."""
