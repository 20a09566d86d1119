"""The surfaces people use: the `tpa` command line and (later) the Gradio chat."""
