"""`briefgen lsp`: the check as the officer types, over the Language Server Protocol.

`session` checks open buffers with the pipeline's checks and cache (pygls-free),
`features` answers hover, definition, completion and code actions from text and
positions (pygls-free, unit-tested as plain functions), and `server` wires both to pygls.
"""
