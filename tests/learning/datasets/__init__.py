"""Tests of the data set loaders, the registry and the download path (no internet)."""
