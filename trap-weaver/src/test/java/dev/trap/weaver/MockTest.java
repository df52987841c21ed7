package dev.trap.weaver;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.trap.weaver.testing.WovenClasses;
import java.lang.reflect.InvocationTargetException;
import org.junit.jupiter.api.Test;

/**
 * Mock's forms and errors on woven classes. The scenarios (samples.scenarios.MockScenarios) run
 * in the loader of the woven samples, so that their method references name the woven classes;
 * each runs inside one of these tests, whose scope ends its patches.
 */
class MockTest {

  private final WovenClasses woven = new WovenClasses(Weaver.builder().include("samples.**")
      .exclude("samples.scenarios.**").build(), "samples.");

  private Object scenario(String name) throws Throwable {
    try {
      return woven.load("samples.scenarios.MockScenarios").getMethod(name).invoke(null);
    } catch (InvocationTargetException e) {
      throw e.getCause();
    }
  }

  @Test
  void patch_should_replace_a_static_method_until_closed() throws Throwable {
    scenario("patchOfAStaticMethod");
  }

  @Test
  void patch_through_the_class_should_replace_the_method_for_every_instance() throws Throwable {
    scenario("patchOfAnInstanceMethodForEveryInstance");
  }

  @Test
  void patches_through_instances_should_each_hold() throws Throwable {
    scenario("patchesOfSeveralInstancesShouldEachHold");
  }

  @Test
  void later_patch_should_win_and_closing_it_restore_the_one_before() throws Throwable {
    scenario("laterPatchShouldWinAndClosingItRestoreTheOneBefore");
  }

  @Test
  void intercept_should_run_the_real_body_on_demand() throws Throwable {
    scenario("interceptShouldRunTheRealBodyOnDemand");
  }

  @Test
  void replacement_should_throw_through_the_patched_method() throws Throwable {
    scenario("replacementMayThrowWhatTheCallerThenCatches");
  }

  @Test
  void patches_should_compose() throws Throwable {
    scenario("patchesShouldComposeThroughReplacementsAndRealBodies");
  }

  @Test
  void patchByName_should_reach_a_private_method() throws Throwable {
    scenario("patchByNameShouldReachAPrivateMethod");
  }

  @Test
  void patch_should_replace_a_default_method() throws Throwable {
    scenario("defaultMethodOfAnInterfaceShouldBePatchable");
  }

  @Test
  void record_should_see_calls_as_the_caller_does() throws Throwable {
    scenario("recordingShouldSeeCallsAsTheCallerDoes");
  }

  @Test
  void record_of_a_class_should_see_every_method() throws Throwable {
    scenario("recordingOfAClassShouldSeeEveryMethodAndThrownExceptions");
  }

  @Test
  void globally_should_patch_every_thread() throws Throwable {
    scenario("globalPatchShouldBeSeenOnEveryThread");
  }

  @Test
  void close_twice_should_do_nothing() throws Throwable {
    scenario("closedTwiceShouldDoNothing");
  }

  /** Issue 15, 1: javac names the class that declares m; the reference names Sub. */
  @Test
  void reference_through_a_subclass_should_patch_and_record_its_instances_only()
      throws Throwable {
    scenario("referenceThroughASubclassShouldPatchAndRecordItsInstancesOnly");
  }

  /** Issue 15, 2: an enum constant's own body; an abstract method's, through a constant. */
  @Test
  void bound_reference_should_patch_what_its_receiver_runs() throws Throwable {
    scenario("boundReferenceShouldPatchWhatItsReceiverRuns");
  }

  @Test
  void patchByName_should_take_the_method_with_a_body_not_the_compilers_bridge()
      throws Throwable {
    scenario("patchByNameShouldTakeTheMethodWithABodyNotTheCompilersBridge");
  }

  @Test
  void patchByName_should_reach_an_inherited_method_for_the_class_named() throws Throwable {
    scenario("patchByNameShouldReachAnInheritedMethodForTheClassNamed");
  }

  @Test
  void patchByName_with_a_misspelled_name_should_suggest_the_closest() throws Throwable {
    assertEquals("Mock.patchByName found no method prise with a body in samples.Shop or the"
        + " classes it extends. Did you mean price?", scenario("misspelledName"));
  }

  @Test
  void replacement_that_calls_the_method_it_replaces_should_say_so() throws Throwable {
    assertEquals("[Trap] The replacement of samples.Suppliers.twice(int) (Suppliers.java:26)"
        + " (Mock.patch of samples.Suppliers.twice(int) in scope"
        + " 'replacement_that_calls_the_method_it_replaces_should_say_so()') calls that method"
        + " again, which runs the replacement again, and so on until the stack ran out: a"
        + " patched method runs the replacement on every call, the replacement's own included."
        + " To run the real method from a replacement, intercept it instead:"
        + " Mock.intercept(method, call -> ... call.proceed() ...).",
        scenario("recursiveReplacement"));
  }

  @Test
  void replacement_that_throws_an_undeclared_checked_exception_should_be_refused()
      throws Throwable {
    assertEquals("The replacement of samples.Suppliers.twice(int) (Suppliers.java:26) threw"
        + " java.io.IOException, a checked exception the method does not declare (it declares"
        + " none), so no caller of it is ready for it. Throw what the method can throw: an"
        + " unchecked exception (such as UncheckedIOException), or one it declares.",
        scenario("undeclaredCheckedException"));
  }

  @Test
  void replacement_that_throws_a_declared_checked_exception_should_reach_the_caller()
      throws Throwable {
    scenario("declaredCheckedExceptionShouldReachTheCaller");
  }

  @Test
  void common_forms_should_compile_as_written() throws Throwable {
    scenario("formsShouldCompileAsWritten");
  }

  @Test
  void patch_of_an_unwoven_class_should_say_which_include_opens_it() throws Throwable {
    assertEquals("Mock.patch cannot patch samples.scenarios.Unwoven.value(): class"
        + " samples.scenarios.Unwoven is not woven. Trap weaves the classes that the <include>"
        + " patterns of trap-maven-plugin select: add <include>samples.scenarios.**</include> (or"
        + " <include>samples.scenarios.Unwoven</include>) to its configuration. Tests run from"
        + " an IDE that compiled the classes itself see them unwoven: run them with Maven (mvn"
        + " test), or set the IDE up as Trap's FAQ says (\"Do tests run from my IDE see woven"
        + " classes?\"). For a class of a dependency, also name its artifact in"
        + " <weaveDependencies>, or trap the calls of it that woven classes make with"
        + " <callSite>samples.scenarios.Unwoven#value</callSite>.", scenario("unwovenClass"));
  }

  @Test
  void lambda_instead_of_a_reference_should_say_what_to_pass() throws Throwable {
    String message = (String) scenario("lambdaInsteadOfAReference");

    assertEquals("Mock.patch needs a method reference, such as Price::tax, but was given a"
        + " lambda (samples.scenarios.MockScenarios.lambda$lambdaInsteadOfAReference$"
        + message.replaceAll(".*lambdaInsteadOfAReference\\$([^)]+)\\).*", "$1") + "). Pass the"
        + " method reference itself. Where the compiler turns a reference into a lambda (a"
        + " varargs method, a protected method of another package, super::method), name the"
        + " method with Mock.patchByName(Type.class, \"name\", ...) instead.", message);
  }

  @Test
  void constructor_reference_should_say_how_to_observe_a_constructor() throws Throwable {
    assertEquals("Mock.patch replaces methods, and samples.Shop::new is a constructor: its body"
        + " cannot be replaced, as it must construct the object. Observe or change its calls"
        + " with an Interceptor whose target is Target.method(Shop.class, \"<init>\", \"(I)V\")."
        + " To replace the objects that woven classes make of it, trap those calls with"
        + " <callSite>samples.Shop#new</callSite> in trap-maven-plugin's configuration, and patch"
        + " it again.", scenario("constructorReference"));
  }

  @Test
  void abstract_method_should_say_to_patch_its_implementation() throws Throwable {
    assertEquals("Mock.patch cannot patch samples.Greeter.name(): it is abstract, and has no body"
        + " to patch. Patch what runs instead: the method of a class that implements it"
        + " (Impl::name), or of one object, object::name, which patches what that object runs;"
        + " by name, Mock.patchByName(Impl.class, \"name\", call -> ...).",
        scenario("abstractMethod"));
  }

  @Test
  void method_without_a_trap_should_say_why_it_has_none() throws Throwable {
    assertEquals("Mock.patchByName cannot patch samples.Nest.lambda$viaLambda$0(int, int): the"
        + " weaver left it without a trap. It does so for class initializers, bridge and other"
        + " synthetic methods, lambda bodies unless <weaveLambdas> is set, and methods too large"
        + " or with too many parameters (the build log names those).",
        scenario("methodWithoutATrap"));
  }

  @Test
  void patchByName_should_name_the_overloads_to_choose_from() throws Throwable {
    assertEquals("java.lang.Math has 4 methods named max: java.lang.Math.max(DD)D,"
        + " java.lang.Math.max(FF)F, java.lang.Math.max(II)I, java.lang.Math.max(JJ)J. Name one"
        + " by its descriptor: Mock.patchByName(Math.class, \"max\", \"(DD)D\", ...)",
        scenario("overloadedName"));
    assertEquals("Mock.patchByName found no method nothing with a body in samples.Shop or the"
        + " classes it extends, which have no method of that name", scenario("absentName"));
  }

  @Test
  void patchByName_of_a_constructor_should_fail() throws Throwable {
    assertEquals("Mock.patchByName replaces methods, and <init> names the constructors of"
        + " samples.Shop: their bodies cannot be replaced, as they must construct the object."
        + " Observe or change their calls with an Interceptor whose target is"
        + " Target.method(Shop.class, \"<init>\", descriptor).", scenario("constructorByName"));
  }

  @Test
  void replacement_of_the_wrong_type_should_fail_the_call_naming_the_method() throws Throwable {
    assertEquals("Cannot return a java.lang.String (free) from samples.Shop.fee() (Shop.java:26),"
        + " which returns int", scenario("wrongResultType"));
  }
}
