package corpus;

import java.util.List;

/** Java 25: flexible constructor bodies, with locals declared before super(...) used after. */
public class Java25 {

  static class Account {
    final String owner;

    Account(String owner) {
      this.owner = owner;
    }
  }

  static class Savings extends Account {
    final long cents;
    final String note;

    Savings(String owner, double amount) {
      long cents = Math.round(amount * 100);
      if (cents < 0) {
        throw new IllegalArgumentException("negative amount " + amount);
      }
      String normalized = owner.trim().toLowerCase();
      super(normalized);
      this.cents = cents;
      this.note = normalized + ":" + cents;
    }

    Savings(long cents) {
      this.cents = cents;
      this.note = "early field " + cents;
      super("anonymous");
    }
  }

  public static void run(List<String> log) {
    Savings savings = new Savings("  Ada ", 12.345);
    log.add("flexible " + savings.owner + " " + savings.cents + " " + savings.note);
    log.add("early " + new Savings(7).note);
  }
}
