package io.sluice.operators.expression;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.sluice.spi.BadRecordException;
import io.sluice.spi.Record;
import io.sluice.spi.config.ConfigException;
import org.junit.jupiter.api.Test;

/**
 * The sandbox, one attack per test: each must be refused when the pipeline is validated (compiled)
 * or, failing that, when evaluated, never run.
 */
class SandboxTest {
    private static final Record RECORD = Record.builder().field("text", "hello").field("n", 1L).build();

    private static void refusedAtCompile(String expression, String because) {
        assertThatThrownBy(() -> ExpressionCompiler.compile(expression))
                .as(expression).isInstanceOf(ConfigException.class).hasMessageContaining(because);
    }

    private static void refusedAtEvaluation(String expression) {
        CompiledExpression compiled = ExpressionCompiler.compile(expression);
        assertThatThrownBy(() -> compiled.evaluate(RECORD)).as(expression).isInstanceOf(BadRecordException.class);
    }

    @Test
    void noReflectionThroughGetClass() {
        refusedAtCompile("''.getClass()", "method call is not allowed");
    }

    @Test
    void noReflectionThroughTheClassProperty() {
        refusedAtEvaluation("text.class");
        refusedAtEvaluation("''.class");
    }

    @Test
    void noNewInstances() {
        refusedAtCompile("new('java.io.File','/')", "create instance is not allowed");
    }

    @Test
    void noLoops() {
        refusedAtCompile("while(true){}", "syntax error at 'while'");
        refusedAtCompile("for (x : [1, 2]) { 1 }", "syntax error");
    }

    @Test
    void noAssignments() {
        refusedAtCompile("x = 1", "assign/modify is not allowed");
        refusedAtCompile("n += 1", "is not allowed");
        refusedAtCompile("n++", "is not allowed");
    }

    @Test
    void noPragmas() {
        refusedAtCompile("#pragma jexl.import java.lang", "pragma is not allowed");
    }

    @Test
    void noRuntime() {
        refusedAtCompile("Runtime.getRuntime().exec('touch /tmp/pwned')", "method call is not allowed");
        refusedAtEvaluation("Runtime");
        refusedAtEvaluation("Runtime:getRuntime()");
        refusedAtCompile("java.lang.Runtime:getRuntime()", "syntax error");
    }

    @Test
    void noSystem() {
        refusedAtCompile("System.exit(1)", "method call is not allowed");
        refusedAtCompile("System.getenv()", "method call is not allowed");
        refusedAtEvaluation("java.lang.System");
        refusedAtEvaluation("System.out");
    }

    @Test
    void noScriptsLambdasLocalVariablesOrAnnotations() {
        refusedAtCompile("n; text", "syntax error");
        refusedAtCompile("x -> 1", "is not allowed");
        refusedAtCompile("var x = 1", "syntax error");
        refusedAtCompile("@synchronized(n) 1", "syntax error");
    }

    @Test
    void plainExpressionsStillWork() {
        assertThat(ExpressionCompiler.compile("size(text) + n").evaluate(RECORD)).isEqualTo(6L);
        assertThat(ExpressionCompiler.compile("text =~ 'h.*' && !empty(text)").evaluate(RECORD)).isEqualTo(true);
        assertThat(ExpressionCompiler.compile("n > 0 ? 'positive' : 'not'").evaluate(RECORD)).isEqualTo("positive");
    }
}
