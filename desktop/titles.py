"""Strings the code translates at run time, listed for lupdate (written by tools/i18n.py titles)."""

from PySide6.QtCore import QT_TRANSLATE_NOOP

EXPERIMENTS = (
    QT_TRANSLATE_NOOP("Experiments", "A simple neural network making a prediction"),
    QT_TRANSLATE_NOOP("Experiments", "Making a prediction with multiple inputs"),
    QT_TRANSLATE_NOOP("Experiments", "Making a prediction with multiple outputs"),
    QT_TRANSLATE_NOOP("Experiments", "Predicting with multiple inputs and outputs"),
    QT_TRANSLATE_NOOP("Experiments", "Predicting on predictions"),
    QT_TRANSLATE_NOOP("Experiments", "Compare: how wrong is a prediction?"),
    QT_TRANSLATE_NOOP("Experiments", "Learning: which way is hot?"),
    QT_TRANSLATE_NOOP("Experiments", "Hot and cold learning"),
    QT_TRANSLATE_NOOP("Experiments", "Gradient descent: direction and amount from the error"),
    QT_TRANSLATE_NOOP("Experiments", "One iteration of gradient descent"),
    QT_TRANSLATE_NOOP("Experiments", "Learning is just reducing error"),
    QT_TRANSLATE_NOOP("Experiments", "Derivatives: watching several steps of learning"),
    QT_TRANSLATE_NOOP("Experiments", "Breaking gradient descent: divergence"),
    QT_TRANSLATE_NOOP("Experiments", "Meet alpha"),
    QT_TRANSLATE_NOOP("Experiments", "Gradient descent learning with multiple inputs"),
    QT_TRANSLATE_NOOP("Experiments", "Freezing one weight"),
    QT_TRANSLATE_NOOP("Experiments", "Gradient descent learning with multiple outputs"),
    QT_TRANSLATE_NOOP("Experiments", "Gradient descent with multiple inputs and outputs"),
    QT_TRANSLATE_NOOP("Experiments", "The streetlight problem: one pattern"),
    QT_TRANSLATE_NOOP("Experiments", "Learning the whole dataset: full, batch and stochastic gradient descent"),
    QT_TRANSLATE_NOOP("Experiments", "Backpropagation: your first deep network"),
    QT_TRANSLATE_NOOP("Experiments", "Three-layer network on MNIST; early stopping"),
    QT_TRANSLATE_NOOP("Experiments", "Dropout"),
    QT_TRANSLATE_NOOP("Experiments", "Batch gradient descent"),
    QT_TRANSLATE_NOOP("Experiments", "Upgrading the MNIST network: tanh and softmax"),
    QT_TRANSLATE_NOOP("Experiments", "A convolutional layer on MNIST"),
)

DATASETS = (
    QT_TRANSLATE_NOOP("Datasets", "MNIST handwritten digits"),
    QT_TRANSLATE_NOOP("Datasets", "70,000 images of handwritten digits, 28 × 28 pixels: 60,000 to train and 10,000 to test. Chapters 8–10 train on the first 1,000 training images."),
    QT_TRANSLATE_NOOP("Datasets", "IMDB movie reviews"),
    QT_TRANSLATE_NOOP("Datasets", "25,000 movie reviews labelled positive or negative (the Large Movie Review Dataset). The archive is unpacked into the book's reviews.txt and labels.txt."),
    QT_TRANSLATE_NOOP("Datasets", "The book's Shakespeare-like text"),
    QT_TRANSLATE_NOOP("Datasets", "The 99,993-character file chapter 14 trains its character models on: machine-generated text in the style of Shakespeare's plays."),
    QT_TRANSLATE_NOOP("Datasets", "Tiny Shakespeare"),
    QT_TRANSLATE_NOOP("Datasets", "1.1 million characters of Shakespeare's plays, an extra corpus for the character models."),
    QT_TRANSLATE_NOOP("Datasets", "bAbI tasks, v1.1"),
    QT_TRANSLATE_NOOP("Datasets", "Short stories with questions (Facebook Research). Chapters 12 and 13 read the first 1,000 lines of task 1; only task 1 is kept from the archive."),
    QT_TRANSLATE_NOOP("Datasets", "Enron-Spam, set 1"),
    QT_TRANSLATE_NOOP("Datasets", "5,172 e-mails of one Enron employee and of spam traps: 3,672 legitimate, 1,500 spam. Chapter 15 uses them in place of the book's own spam.txt and ham.txt, which are not published."),
)
