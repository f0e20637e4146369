"""The mock product: a local HTTP server that plays any document from its IR."""
