"""Sentiment scoring, aggregation per journey stage and the weekly feedback-loop report."""
