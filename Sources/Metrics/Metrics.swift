/// Competence metrics: pure, deterministic functions from answers and scores to aggregates.
///
/// Nothing here does I/O or knows about storage or the web. The anonymity rules live in
/// `AnonymityRule`, the only place that decides which groups may be shown.
public enum MetricsModule {}
