"""Chapter 15's views: federated learning round by round, what an update leaks, encrypted aggregation, the spam
words, and the Paillier lab.

- `board/`: the federation board: the model owner and Bob, Alice and Sue as cards of one class (data, local loss,
  their update on one shared colour scale), the model going out and the updates coming back, the average, the test
  accuracy of each round; a round stepper with rewind.
- `leaks/`: the leak inspector: the words a client's update (or the average) changed, highlighted in the e-mails.
- `encrypted/`: secure aggregation: three encrypted models as opaque blocks, their homomorphic sum, only the sum
  decrypted; the book's decryption (Q24) as a switch; what encryption costs.
- `spam_words.py`: the most spam-like and most ham-like words of the model.
- `paillier_lab/`: the Paillier scheme step by step for two numbers, at the key size the learner picks.

What they share (the experiments they show, the participants' names, the round stepper) lives in `_common.py`.
"""
