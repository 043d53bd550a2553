/// Writes a synthetic eForms market (to be implemented).
public enum MarketGenerator {}
