package io.quietwatch.engine;

import com.espertech.esper.common.client.EPCompiled;
import com.espertech.esper.common.client.module.Module;

/**
 * One rule file, compiled.
 *
 * @param displayPath the path as shown in messages
 * @param text        the file's text
 * @param module      the parsed module (name, uses, items)
 * @param compiled    the compiled byte code, ready to deploy
 * @param variables   variables the file declares: name to EPL type
 */
public record RuleFile(String displayPath, String text, Module module, EPCompiled compiled,
                       java.util.Map<String, String> variables) {
    /** The module name: the {@code module} declaration, else the file name. */
    public String moduleName() {
        return module.getName() != null ? module.getName() : displayPath;
    }
}
