"""住民記録's checks through the driver protocol, one module per function of the text (see the folder's map)."""
