"""Answers: the Answer object, the result table, the words and the charts."""
