"""The model of 住民記録 (conformance.oracles.jumin_model) judged against a vendor by a state machine."""
