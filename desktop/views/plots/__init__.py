"""Curves of the run: error, loss and accuracy per iteration or per epoch."""
