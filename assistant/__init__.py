"""Turns questions into plans and results into answers: the service, the planners, answers,
conversations, retrieval and watches. The surfaces that call it (CLI, chat, HTTP API, bots) are in
`ui/`."""
