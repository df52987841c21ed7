package corpus;

/** An enum with constant bodies, an abstract method, and a switch over it. */
public enum Suit {
  HEARTS {
    @Override
    char symbol() {
      return 'h';
    }
  },
  SPADES {
    @Override
    char symbol() {
      return 's';
    }
  },
  CLUBS {
    @Override
    char symbol() {
      return 'c';
    }
  };

  abstract char symbol();

  static String describe(Suit suit) {
    switch (suit) {
      case HEARTS:
        return "red";
      default:
        return "black " + suit.ordinal();
    }
  }
}
