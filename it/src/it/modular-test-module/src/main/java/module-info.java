/** A named module, as a modular project has one. It knows nothing of Trap. */
module com.acme.billing {
  exports com.acme.billing;
}
