"""Chapter 14's views: the exploding/vanishing lab, gradients through time, the sampling lab, the text through the
network's eyes, the truncated back-propagation picture and the LSTM cell. What they share (the live-view base,
chunked work, the text helpers) lives in the underscore modules of this package; the views never import each other.
"""
