"""Trained models shipped with legalkg (package data): ``event_textcat``, the event classifier."""
