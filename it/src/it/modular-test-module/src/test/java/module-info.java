/** The tests as a module of their own, which reads the module under test and Trap's runtime. */
open module com.acme.billing.test {
  requires com.acme.billing;
  requires dev.trap;
  requires org.junit.jupiter.api;
}
