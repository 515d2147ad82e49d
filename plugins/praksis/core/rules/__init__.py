"""The rules of the domain, pure functions of the model: the score rule (``scoring``), the
milestone rule (``milestones``), which documents an edition holds (``editions``), and the
title a reader sees (``titles``)."""
