package io.quietwatch.engine;

import com.espertech.esper.common.client.configuration.Configuration;
import com.espertech.esper.common.client.module.ModuleItem;
import com.espertech.esper.common.client.soda.EPStatementObjectModel;
import com.espertech.esper.compiler.client.EPCompilerProvider;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.WeakHashMap;

/**
 * The statement object models of a rule file's statements that mention a word ({@code table}, {@code set}),
 * parsed once per compiled version of the file: parsing every statement costs tens of milliseconds, and
 * snapshots ask on the engine thread every minute.
 */
final class ModuleModels {
    private static final Map<Object, Map<String, List<EPStatementObjectModel>>> CACHE = Collections.synchronizedMap(new WeakHashMap<>());

    private ModuleModels() {
    }

    /** The models of the statements of {@code f} whose text contains {@code word} (any case). */
    static List<EPStatementObjectModel> mentioning(RuleFile f, String word, Configuration configuration) {
        return CACHE.computeIfAbsent(f.compiled(), c -> Collections.synchronizedMap(new java.util.HashMap<>()))
                .computeIfAbsent(word, w -> parse(f, w, configuration));
    }

    private static List<EPStatementObjectModel> parse(RuleFile f, String word, Configuration configuration) {
        List<EPStatementObjectModel> out = new ArrayList<>();
        for (ModuleItem item : f.module().getItems()) {
            String text = item.getExpression();
            if (item.isCommentOnly() || !text.toLowerCase(Locale.ROOT).contains(word)) {
                continue;
            }
            try {
                out.add(EPCompilerProvider.getCompiler().eplToModel(text, configuration));
            } catch (Exception e) {
                // a statement the object model cannot express is neither a table nor an assignment we look for
            }
        }
        return List.copyOf(out);
    }
}
