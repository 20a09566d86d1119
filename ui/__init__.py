"""The surfaces people use, all calling the same `AssistantService`: the `tpa` command line
(`cli/`), the Gradio chat (`chat/`), the HTTP API (`api/`) and the messaging bots (`bots/`),
with the request guard they share (`requests.py`) and the server that runs them together
(`server.py`)."""
