package io.sluice.operators.expression;

import io.sluice.spi.config.ConfigException;
import io.sluice.spi.config.Validator;
import io.sluice.spi.config.Validators;
import org.apache.commons.jexl3.JexlBuilder;
import org.apache.commons.jexl3.JexlEngine;
import org.apache.commons.jexl3.JexlException;
import org.apache.commons.jexl3.JexlFeatures;
import org.apache.commons.jexl3.JexlInfo;
import org.apache.commons.jexl3.introspection.JexlPermissions;

/**
 * Compiles expressions in the sandbox. The engine is immutable and thread-safe; compiling is the
 * only costly step and happens once per pipeline step.
 */
final class ExpressionCompiler {
    /** What an expression may use: expressions only, without anything that acts or reaches outside. */
    private static final JexlFeatures FEATURES = new JexlFeatures()
            .script(false)
            .loops(false)
            .sideEffect(false)
            .sideEffectGlobal(false)
            .newInstance(false)
            .lambda(false)
            .thinArrow(false)
            .fatArrow(false)
            .methodCall(false)
            .pragma(false)
            .pragmaAnywhere(false)
            .importPragma(false)
            .namespacePragma(false)
            .annotation(false)
            .localVar(false)
            .register(false);

    /** JEXL's RESTRICTED permissions, and no {@code x.class} (Object.getClass()) either. */
    private static final JexlPermissions PERMISSIONS = JexlPermissions.RESTRICTED.compose("java.lang { Object { getClass(); } }");

    private static final JexlEngine ENGINE = new JexlBuilder()
            .permissions(PERMISSIONS)
            .features(FEATURES)
            .strict(true)
            .safe(false)
            .silent(false)
            .cache(0)
            .create();

    /** Compiles an expression when a pipeline is validated, so errors carry the column. */
    static final Validator<String> COMPILES = Validators.described("a valid expression", ExpressionCompiler::compile);

    private ExpressionCompiler() {
    }

    /**
     * @throws ConfigException at the 0-based offset of the error inside {@code text}
     */
    static CompiledExpression compile(String text) {
        if (text.isBlank()) {
            throw new ConfigException("the expression is empty");
        }
        try {
            return new CompiledExpression(text, ENGINE.createExpression(new JexlInfo("expression", 1, 1), text));
        } catch (JexlException e) {
            throw ConfigException.at(offset(text, e.getInfo()), describe(e));
        }
    }

    /** The message of a compile error without JEXL's location prefix, in the words of this sandbox. */
    static String describe(JexlException e) {
        String message = withoutLocation(e.getMessage());
        if (e instanceof JexlException.Feature) {
            return message.replace(" error in ", " is not allowed in an expression: ");
        }
        if (e instanceof JexlException.Parsing) {
            return "syntax error at '" + e.getDetail() + "'";
        }
        return message;
    }

    /** {@code "expression@1:11 parsing error in '>='"} becomes {@code "parsing error in '>='"}. */
    static String withoutLocation(String message) {
        int at = message.indexOf('@');
        int space = message.indexOf(' ');
        return at >= 0 && space > at ? message.substring(space + 1) : message;
    }

    /** The 0-based character offset in {@code text} of a 1-based line and column, or -1 if unknown. */
    private static int offset(String text, JexlInfo info) {
        if (info == null || info.getLine() < 1 || info.getColumn() < 1) {
            return -1;
        }
        int offset = 0;
        for (int line = 1; line < info.getLine(); line++) {
            int newline = text.indexOf('\n', offset);
            if (newline < 0) {
                return -1;
            }
            offset = newline + 1;
        }
        return Math.min(offset + info.getColumn() - 1, text.length());
    }
}
