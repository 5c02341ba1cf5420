"""Every sentence and label the program itself says, in English and in Arabic.

Catalogue text never comes from here: it is data, read from the catalogue. Templates use
`str.format` fields; values are inserted as plain text, never as markup.

Two kinds of field follow the grammar of the template's language. A number with a noun after
it, `{count:en:problem}` or `{count:ar:problem}`, gives "1 problem", "2 problems", "مشكلة
واحدة", "مشكلتان", "3 مشكلات", "11 مشكلة" (`Count`; the Arabic dual is the nominative). A
choice among values, `{expected:en}` or `{expected:ar}`, gives "'a', 'b' or 'c'" or
"'a' أو 'b' أو 'c'" (`Alternatives`).
"""

from __future__ import annotations

import errno
from collections.abc import Sequence

from careers_cli.text.language import Bilingual, Language

_MESSAGES: dict[str, tuple[str, str]] = {
    # catalogue errors
    "catalogue.missing": (
        "{path}: no such file",
        "{path}: الملف غير موجود",
    ),
    "catalogue.is_directory": (
        "{path}: is a directory, not a catalogue file",
        "{path}: هذا مجلد وليس ملف كتالوج",
    ),
    "catalogue.not_regular": (
        "{path}: not a regular file (a pipe, a device or a socket); save the catalogue to a "
        "file and give that file's path",
        "{path}: ليس ملفاً عادياً (أنبوب أو جهاز أو مقبس)؛ احفظ الكتالوج في ملف وأعطِ مساره",
    ),
    "catalogue.unreadable": (
        "{path}: cannot be read ({reason})",
        "{path}: تتعذر قراءة الملف ({reason})",
    ),
    "catalogue.too_large": (
        "{path}: larger than the {limit_mib} MiB a catalogue may have",
        "{path}: الملف أكبر من الحد المسموح ({limit_mib} MiB)",
    ),
    "catalogue.utf16": (
        "{path}: is UTF-16; save the catalogue as UTF-8",
        "{path}: الملف بترميز UTF-16؛ احفظه بترميز UTF-8",
    ),
    "catalogue.not_utf8": (
        "{path}: is not valid UTF-8 (byte {offset})",
        "{path}: ترميز UTF-8 غير صالح (البايت {offset})",
    ),
    "catalogue.empty": (
        "{path}: is empty; a catalogue is a JSON object",
        "{path}: الملف فارغ؛ الكتالوج كائن JSON",
    ),
    "catalogue.bad_json": (
        "{path}:{line}:{column}: invalid JSON: {detail}",
        "{path}:{line}:{column}: JSON غير صالح: {detail}",
    ),
    "problem.duplicate_key": (
        "key '{key}' appears twice in one object",
        "المفتاح '{key}' مكرر في الكائن نفسه",
    ),
    "problem.duplicate_key_in_record": (
        "key '{key}' appears twice in the record with id '{record_id}'",
        "المفتاح '{key}' مكرر في السجل ذي المعرف '{record_id}'",
    ),
    "problem.duplicate_key_at": (
        "key '{key}' appears twice in {place}",
        "المفتاح '{key}' مكرر في {place}",
    ),
    "problem.other": (
        "{at}{detail}",
        "{at}قيمة غير صالحة: {detail}",
    ),
    # content problems, by Pydantic error type; `at` is the place and ": ", or nothing
    "problem.missing": (
        "{at}Field required",
        "{at}حقل مطلوب غير موجود",
    ),
    "problem.extra_forbidden": (
        "{at}Extra inputs are not permitted",
        "{at}حقل غير معروف: لا يُسمح بحقول إضافية",
    ),
    "problem.string_type": (
        "{at}Input should be a valid string",
        "{at}يجب أن تكون القيمة نصاً",
    ),
    "problem.string_unicode": (
        "{at}text holds a lone UTF-16 surrogate (such as \\ud800), which is not a character",
        "{at}يحتوي النص على نصف زوج بديل منفرد من UTF-16 (مثل \\ud800)، وهو ليس محرفاً",
    ),
    "problem.string_too_long": (
        "{at}String should have at most {max_length} characters",
        "{at}عدد الأحرف أكبر من الحد المسموح: {max_length}",
    ),
    "problem.string_pattern_mismatch": (
        "{at}String should match pattern '{pattern}'",
        "{at}يجب أن يطابق النص النمط '{pattern}'",
    ),
    "problem.not_an_id": (
        "{at}not an id: use lowercase letters a-z, digits and single hyphens",
        "{at}ليس معرفاً صالحاً: استخدم الأحرف اللاتينية الصغيرة a-z والأرقام وشرطات مفردة",
    ),
    "problem.too_short": (
        "{at}List should have at least {min_length:en:item}, not {actual_length}",
        "{at}يجب ألا يقل عدد العناصر عن {min_length} (عددها الآن {actual_length})",
    ),
    "problem.too_long": (
        "{at}List should have at most {max_length:en:item}, not {actual_length}",
        "{at}يجب ألا يزيد عدد العناصر على {max_length} (عددها الآن {actual_length})",
    ),
    "problem.list_type": (
        "{at}Input should be a valid list",
        "{at}يجب أن تكون القيمة قائمة",
    ),
    "problem.model_type": (
        "{at}Input should be a valid dictionary or instance of {class_name}",
        "{at}يجب أن تكون القيمة كائناً من نوع {class_name}",
    ),
    "problem.literal_error": (
        "{at}Input should be {expected:en}",
        "{at}يجب أن تكون القيمة {expected:ar}",
    ),
    "problem.no_language": (
        "{at}text needs at least one language: en or ar",
        "{at}يجب أن يكون للنص لغة واحدة على الأقل: en أو ar",
    ),
    "problem.undeclared_language": (
        "{at}text in '{ref}', which is not one of the catalogue's languages",
        "{at}نص بلغة '{ref}' وهي ليست من لغات الكتالوج (languages)",
    ),
    "problem.repeated_language": (
        "{at}a language is listed twice",
        "{at}لغة مذكورة مرتين",
    ),
    "problem.format_2_field": (
        "{at}'{ref}' is a field of format 2: set schema_version to 2 to use it",
        "{at}الحقل '{ref}' من حقول الصيغة 2: اجعل schema_version تساوي 2 لاستخدامه",
    ),
    "problem.blank_text": (
        "{at}text must not be empty or only white space",
        "{at}يجب ألا يكون النص فارغاً أو مسافات فقط",
    ),
    "problem.duplicate_id": (
        "{at}id '{ref}' is used by an earlier record",
        "{at}المعرف '{ref}' مستخدم في سجل سابق",
    ),
    "problem.unknown_career": (
        "{at}unknown career '{ref}': no career has this id",
        "{at}مهنة غير معروفة '{ref}': لا توجد مهنة بهذا المعرف",
    ),
    "problem.unknown_skill": (
        "{at}unknown skill '{ref}': no skill has this id",
        "{at}مهارة غير معروفة '{ref}': لا توجد مهارة بهذا المعرف",
    ),
    "problem.unknown_platform": (
        "{at}unknown platform '{ref}': no platform has this id",
        "{at}منصة غير معروفة '{ref}': لا توجد منصة بهذا المعرف",
    ),
    "catalogue.bad_value": (
        "{path}: a value cannot be read: {detail}",
        "{path}: تتعذر قراءة قيمة: {detail}",
    ),
    "catalogue.too_deep": (
        "{path}: JSON is nested too deeply",
        "{path}: بنية JSON متداخلة بعمق زائد",
    ),
    "catalogue.too_many_keys": (
        "{path}: {at}{count:en:key} in one object; an object may have at most {limit}",
        "{path}: {at}{count:ar:key} في كائن واحد؛ الحد الأقصى لمفاتيح الكائن {limit}",
    ),
    "catalogue.not_object": (
        "{path}: the top level must be a JSON object, not {found}",
        "{path}: يجب أن يكون المستوى الأعلى كائن JSON وليس {found}",
    ),
    "catalogue.invalid": (
        "{path}: {first}",
        "{path}: {first}",
    ),
    "catalogue.more_problems": (
        "... plus {count:en:problem} not shown; run 'careers validate {path}' to see them all",
        "... عدد المشكلات الأخرى غير المعروضة: {count}؛ شغّل 'careers validate {path}' لعرضها كلها",
    ),
    # names and skills
    "career.not_found": (
        "no career matches '{query}'",
        "لا توجد مهنة تطابق '{query}'",
    ),
    "career.did_you_mean": (
        "did you mean: {candidates}?",
        "هل تقصد: {candidates}؟",
    ),
    "career.ambiguous": (
        "'{query}' fits {count:en:career}; use one of these ids (best first):",
        "'{query}' يطابق {count:ar:career}؛ استخدم أحد هذه المعرفات (الأقرب أولاً):",
    ),
    "name.guessed": (
        "using {id}, the closest match to '{query}'",
        "تم استخدام {id}، أقرب تطابق لـ '{query}'",
    ),
    "name.more_candidates": (
        "  ... and {count} more",
        "  ... و{count} غيرها",
    ),
    "career.empty_query": (
        "a career name cannot be empty",
        "اسم المهنة لا يمكن أن يكون فارغاً",
    ),
    "skill.not_found": (
        "no skill matches '{query}'",
        "لا توجد مهارة تطابق '{query}'",
    ),
    "skill.ambiguous": (
        "'{query}' fits {count:en:skill}; use one of these ids (best first):",
        "'{query}' يطابق {count:ar:skill}؛ استخدم أحد هذه المعرفات (الأقرب أولاً):",
    ),
    "skill.ambiguous_more": (
        "  ... and {count} more; 'careers skills \"{query}\"' lists them all",
        "  ... و{count} غيرها؛ 'careers skills \"{query}\"' يعرضها كلها",
    ),
    "section.not_found": (
        "no section matches '{query}'",
        "لا يوجد قسم يطابق '{query}'",
    ),
    "section.did_you_mean": (
        "did you mean: {candidates}? ('careers read' prints them all)",
        "هل تقصد: {candidates}؟ ('careers read' يعرضها كلها)",
    ),
    "section.ambiguous": (
        "'{query}' fits {count:en:section}; use one of these ids (best first):",
        "'{query}' يطابق {count:ar:section}؛ استخدم أحد هذه المعرفات (الأقرب أولاً):",
    ),
    "section.empty_query": (
        "a section's name cannot be empty",
        "اسم القسم لا يمكن أن يكون فارغاً",
    ),
    "read.title": (
        "About the field",
        "عن المجال",
    ),
    "read.none": (
        "this catalogue has no prose sections",
        "لا يحتوي هذا الكتالوج على أقسام نصية",
    ),
    "note.trends.none": (
        "this catalogue has no trends",
        "لا يحتوي هذا الكتالوج على توجهات",
    ),
    "note.tips.none": (
        "this catalogue has no tips",
        "لا يحتوي هذا الكتالوج على نصائح",
    ),
    "note.trends.not_found": (
        "no trend matches '{query}'",
        "لا يوجد توجه يطابق '{query}'",
    ),
    "note.trends.did_you_mean": (
        "did you mean: {candidates}? ('careers trends' lists them all)",
        "هل تقصد: {candidates}؟ ('careers trends' يعرضها كلها)",
    ),
    "note.trends.ambiguous": (
        "'{query}' fits {count:en:trend}; use one of these ids (best first):",
        "'{query}' يطابق {count:ar:trend}؛ استخدم أحد هذه المعرفات (الأقرب أولاً):",
    ),
    "note.trends.empty_query": (
        "a trend's name cannot be empty",
        "اسم التوجه لا يمكن أن يكون فارغاً",
    ),
    "note.tips.not_found": (
        "no tip matches '{query}'",
        "لا توجد نصيحة تطابق '{query}'",
    ),
    "note.tips.did_you_mean": (
        "did you mean: {candidates}? ('careers tips' lists them all)",
        "هل تقصد: {candidates}؟ ('careers tips' يعرضها كلها)",
    ),
    "note.tips.ambiguous": (
        "'{query}' fits {count:en:tip}; use one of these ids (best first):",
        "'{query}' يطابق {count:ar:tip}؛ استخدم أحد هذه المعرفات (الأقرب أولاً):",
    ),
    "note.tips.empty_query": (
        "a tip's name cannot be empty",
        "اسم النصيحة لا يمكن أن يكون فارغاً",
    ),
    "skill.did_you_mean": (
        "did you mean: {candidates}? ('careers skills' lists them all)",
        "هل تقصد: {candidates}؟ ('careers skills' يعرضها كلها)",
    ),
    "skill.list_hint": (
        "'careers skills' lists every skill",
        "'careers skills' يعرض كل المهارات",
    ),
    "skill.empty_query": (
        "a skill cannot be empty",
        "المهارة لا يمكن أن تكون فارغة",
    ),
    "query.too_long": (
        "a career or skill name may have at most {limit} characters; this one has {length}",
        "اسم المهنة أو المهارة طويل جداً: عدد أحرفه {length} والحد الأقصى {limit}",
    ),
    "compare.too_few": (
        "compare needs at least 2 careers",
        "المقارنة تحتاج إلى مهنتين على الأقل",
    ),
    "compare.too_many": (
        "compare takes at most {limit:en:career}",
        "المقارنة تقبل {limit:ar:career} على الأكثر",
    ),
    "compare.same_career": (
        "'{first}' and '{second}' are both {career}; name different careers",
        "'{first}' و'{second}' كلاهما {career}؛ اختر مهناً مختلفة",
    ),
    "match.none": (
        "no career has all of the skills asked for",
        "لا توجد مهنة تملك كل المهارات المطلوبة",
    ),
    "match.word_family": (
        "'{query}' fits {count:en:skill}; matching any of them ('careers skills \"{query}\"' "
        "lists them)",
        "'{query}' يطابق {count:ar:skill}؛ تتم المطابقة بأيٍّ منها ('careers skills \"{query}\"' "
        "يعرضها)",
    ),
    "list.none": (
        "no career needs all of the skills asked for",
        "لا توجد مهنة تحتاج كل المهارات المطلوبة",
    ),
    "skill.needed_by_none": (
        "no career in this catalogue needs {label} ({id})",
        "لا تحتاج أي مهنة في هذا الفهرس إلى {label} ({id})",
    ),
    "match.legend": (
        "score: the sum of what each of your skills adds (+); a skill fewer careers need adds "
        "more, an optional one half · your skills it has / skills asked · share of its "
        "required skills they cover",
        "الدرجة: مجموع ما تضيفه كل مهارة من مهاراتك (+)؛ المهارة التي تحتاجها مهن أقل تضيف أكثر، "
        "والاختيارية نصف ذلك · مهاراتك التي تتطلبها المهنة / المهارات التي أدخلتها · نسبة "
        "متطلباتها التي تغطيها",
    ),
    "match.optional_count": (
        "{count} optional",
        "{count} منها اختيارية",
    ),
    "option.bad_value": (
        "{option} must be one of {choices:en} (got '{value}')",
        "{option} يجب أن يكون أحد الخيارات {choices:ar} (القيمة '{value}')",
    ),
    "usage.hint": (
        "try '{command} -h' for help",
        "للمساعدة جرّب '{command} -h'",
    ),
    "usage.missing": (
        "missing {option}",
        "الخيار {option} مطلوب",
    ),
    "usage.missing_argument": (
        "missing argument {argument}",
        "الوسيط {argument} مطلوب",
    ),
    "usage.needs_value": (
        "option {option} needs a value",
        "الخيار {option} يحتاج إلى قيمة",
    ),
    "usage.empty_path": (
        "{option}: the path is empty",
        "{option}: المسار فارغ",
    ),
    "usage.limit": (
        "{option} must be a whole number of at least 1, or 'all' (got '{value}')",
        "{option} يجب أن يكون عدداً صحيحاً لا يقل عن 1، أو 'all' (القيمة '{value}')",
    ),
    "more.careers": (
        "showing {shown} of {total:en:career}; '--limit all' shows every one",
        "عرض {shown} من {total:ar:career}؛ '--limit all' يعرضها كلها",
    ),
    "more.listed_by": (
        "... and {count} more ('{command}' lists them all)",
        "... و{count} غيرها ('{command}' يعرضها كلها)",
    ),
    "more.count": (
        "... and {count} more",
        "... و{count} غيرها",
    ),
    "validate.more": (
        "... {count:en:problem} not printed; 'careers validate {path} --limit all' prints them",
        "... {count:ar:problem} لم تُعرض؛ 'careers validate {path} --limit all' يعرضها",
    ),
    "more.steps": (
        "showing {shown} of {total} skills to learn; '--limit all' shows every one",
        "عرض {shown} من {total:ar:skill} للتعلم؛ '--limit all' يعرضها كلها",
    ),
    "more.skills": (
        "showing {shown} of {total:en:skill}; '--limit all' shows every one",
        "عرض {shown} من {total:ar:skill}؛ '--limit all' يعرضها كلها",
    ),
    "usage.no_such_option": (
        "no such option: {option}",
        "لا يوجد خيار باسم {option}",
    ),
    "usage.no_such_option_try": (
        "no such option: {option}; did you mean {options:en}?",
        "لا يوجد خيار باسم {option}؛ هل تقصد {options:ar}؟",
    ),
    "usage.no_such_command": (
        "no such command: {name}",
        "لا يوجد أمر باسم {name}",
    ),
    "usage.no_such_command_try": (
        "no such command: {name}; did you mean {commands:en}?",
        "لا يوجد أمر باسم {name}؛ هل تقصد {commands:ar}؟",
    ),
    "usage.missing_command": (
        "missing command: name one of the commands",
        "الأمر ناقص: اذكر اسم أحد الأوامر",
    ),
    "usage.takes_no_value": (
        "option {option} takes no value",
        "الخيار {option} لا يأخذ قيمة",
    ),
    "usage.bad_flag_variable": (
        "${variable} is '{value}': set it to 1, true, yes or on, or to 0, false, no or off",
        "قيمة ${variable} هي '{value}': اجعلها 1 أو true أو yes أو on، أو 0 أو false أو no أو off",
    ),
    "usage.bad_value": (
        "invalid value for {option}",
        "قيمة غير صالحة للخيار {option}",
    ),
    # The option parser's own sentence for what this program does not put in words of its
    # own (a `Phrase`); in Arabic, that the command line is wrong (the hint says where to look).
    "usage.other": (
        "{detail}",
        "{detail}",
    ),
    "usage.extra_skill": (
        "unexpected: {words}; did you mean: {suggestion}",
        "كلمات غير متوقعة: {words}؛ هل تقصد: {suggestion}",
    ),
    "usage.extra_words": (
        "unexpected: {words}; a name of several words goes in quotes: {suggestion}",
        "كلمات غير متوقعة: {words}؛ ضع الاسم المكوّن من عدة كلمات بين علامتي تنصيص: {suggestion}",
    ),
    "usage.extra_names": (
        "unexpected: {words}; a name of several words goes in quotes",
        "كلمات غير متوقعة: {words}؛ ضع الاسم المكوّن من عدة كلمات بين علامتي تنصيص",
    ),
    "error.unexpected": (
        "unexpected error: {detail} (run again with --debug for the traceback, and report it)",
        "خطأ غير متوقع: {detail} (أعد التشغيل مع --debug لعرض التفاصيل، وأبلغ عنه)",
    ),
    # In English in both languages: a stream that cannot show Arabic cannot show this in Arabic.
    "output.narrow": (
        "warning: the output's encoding ({encoding}) cannot show Arabic; "
        "set PYTHONIOENCODING=utf-8 or use --format json",
        "warning: the output's encoding ({encoding}) cannot show Arabic; "
        "set PYTHONIOENCODING=utf-8 or use --format json",
    ),
    "error.prefix": ("error", "خطأ"),
    "output.failed": (
        "cannot write the output: {reason}",
        "تتعذر كتابة المخرجات: {reason}",
    ),
    "output.closed": (
        "cannot write the output: standard output is closed",
        "تتعذر كتابة المخرجات: المخرج القياسي مغلق",
    ),
    "completion.unsupported": (
        "cannot install completion for '{shell}': careers completes {shells:en}",
        "يتعذر تثبيت الإكمال التلقائي لـ '{shell}': يدعم careers الأصداف {shells:ar}",
    ),
    "completion.unknown_shell": (
        "cannot tell which shell you use ($SHELL is not set); name it: "
        "careers --install-completion bash, zsh or fish",
        "يتعذر معرفة الصدفة المستخدمة (المتغير SHELL غير معرّف)؛ سمّها: "
        "careers --install-completion bash أو zsh أو fish",
    ),
    "completion.failed": (
        "cannot install completion: {path}: {reason}",
        "يتعذر تثبيت الإكمال التلقائي: {path}: {reason}",
    ),
    "completion.installed": (
        "{shell} completion installed in {path}; it works in shells started from now on",
        "ثُبّت الإكمال التلقائي لـ {shell} في {path}؛ يعمل في الأصداف التي تُفتح من الآن",
    ),
    "completion.startup": (
        "{path} now loads it",
        "أصبح {path} يحمّله",
    ),
    "validate.ok": (
        "{path}: valid: {careers:en:career}, {skills:en:skill}, {trends:en:trend}, {tips:en:tip}",
        "{path}: صالح: {careers:ar:career}، {skills:ar:skill}، {trends:ar:trend}، {tips:ar:tip}",
    ),
    "store.damaged": (
        "the compiled store {path} is damaged ({detail}); it has been removed: run the command "
        "again",
        "المخزن المُجمَّع {path} تالف ({detail})؛ حُذف: أعد تشغيل الأمر",
    ),
    "validate.coverage": (
        "{language}: {titles:,} of {careers:,} titles, {descriptions:,} of {careers:,} "
        "descriptions, {skill_labels:,} of {skills:,} skill labels",
        "{language}: المسميات {titles:,} من {careers:,}، الأوصاف {descriptions:,} من "
        "{careers:,}، أسماء المهارات {skill_labels:,} من {skills:,}",
    ),
    "validate.problems": (
        "{path}: {count:en:problem}",
        "{path}: {count:ar:problem}",
    ),
    # after MAX_PROBLEMS: all found were counted, or validation stopped with records unchecked
    "validate.problems_at_least": (
        "{path}: at least {count:en:problem}",
        "{path}: {count:ar:problem} على الأقل",
    ),
    "validate.not_shown": (
        "... plus {count:en:problem} not shown",
        "... عدد المشكلات الأخرى غير المعروضة: {count}",
    ),
    "validate.stopped": (
        "... validation stopped after {shown:en:problem}; {unchecked:en:record} left unchecked",
        "... توقف التحقق بعد {shown:ar:problem}؛ عدد السجلات التي لم تُفحص: {unchecked}",
    ),
    # --- importing ESCO (careers import esco) ---
    "import.missing": (
        "{path}: no such file or folder",
        "{path}: لا يوجد ملف أو مجلد بهذا الاسم",
    ),
    "import.not_download": (
        "{path}: is neither a folder nor a zip file; give ESCO's CSV download, "
        "the .zip as downloaded or the folder it unpacks to",
        "{path}: ليس مجلداً ولا ملف zip؛ حدّد ملف تنزيل ESCO بصيغة CSV، "
        "ملف .zip كما نُزّل أو المجلد الذي فُكّ ضغطه فيه",
    ),
    "import.bad_zip": (
        "{path}: is not a readable zip file ({detail})",
        "{path}: ملف zip تتعذر قراءته ({detail})",
    ),
    "import.not_esco": (
        "{path}: is not an ESCO CSV download: it has no {file}",
        "{path}: ليس تنزيلاً لتصنيف ESCO بصيغة CSV: لا يحتوي على الملف {file}",
    ),
    "import.no_arabic": (
        "{path}: has no {file}, so it has no Arabic titles; download ESCO in Arabic too",
        "{path}: لا يحتوي على الملف {file}، فلا عناوين عربية فيه؛ نزّل ESCO باللغة العربية أيضاً",
    ),
    "import.unreadable": (
        "{path}: cannot be read ({reason})",
        "{path}: تتعذر قراءة الملف ({reason})",
    ),
    "import.too_large": (
        "{path}: larger than the {limit_mib} MiB a file of ESCO may have",
        "{path}: الملف أكبر من الحد المسموح لملفات ESCO ({limit_mib} MiB)",
    ),
    "import.empty_file": (
        "{path}: is empty; an ESCO file starts with a line of column names",
        "{path}: الملف فارغ؛ يبدأ ملف ESCO بسطر فيه أسماء الأعمدة",
    ),
    "import.not_utf8": (
        "{path}:{line}: is not valid UTF-8 (byte {offset}); ESCO's files are UTF-8",
        "{path}:{line}: ترميز UTF-8 غير صالح (البايت {offset})؛ ملفات ESCO بترميز UTF-8",
    ),
    "import.bad_csv": (
        "{path}:{line}: broken CSV in the row that starts on this line: {detail}",
        "{path}:{line}: صيغة CSV معطوبة في الصف الذي يبدأ في هذا السطر: {detail}",
    ),
    "import.missing_column": (
        "{path}:1: no column '{column}' in the header",
        "{path}:1: العمود '{column}' غير موجود في سطر أسماء الأعمدة",
    ),
    "import.empty_cell": (
        "{path}:{line}: the {column} cell is empty",
        "{path}:{line}: الخلية {column} فارغة",
    ),
    "import.duplicate_uri": (
        "{path}:{line}: {uri} appears twice (first on line {first})",
        "{path}:{line}: المعرف {uri} مكرر (ورد أولاً في السطر {first})",
    ),
    "import.bad_relation": (
        "{path}:{line}: relationType '{value}' is neither 'essential' nor 'optional'",
        "{path}:{line}: قيمة relationType هي '{value}'، وليست 'essential' ولا 'optional'",
    ),
    "import.no_occupations": (
        "{path}: has no occupations",
        "{path}: لا يحتوي الملف على أي مهنة",
    ),
    "import.unknown_language": (
        "cannot import language '{language}': ESCO is imported in {choices:en}",
        "يتعذر استيراد اللغة '{language}'؛ اللغات التي يُستورد بها ESCO: {choices:ar}",
    ),
    "import.invalid": (
        "{path}: does not make a valid catalogue ({place}: {detail}); is it ESCO's CSV download?",
        "{path}: لا ينتج عنه كتالوج صالح ({place}: {detail})؛ هل هو تنزيل ESCO بصيغة CSV؟",
    ),
    "import.output_exists": (
        "{path}: already exists; add --force to replace it",
        "{path}: الملف موجود بالفعل؛ أضف --force لاستبداله",
    ),
    "import.output_is_directory": (
        "{path}: is a directory; give the name of the catalogue file to write",
        "{path}: هذا مجلد؛ حدّد اسم ملف الكتالوج المراد كتابته",
    ),
    "import.cannot_write": (
        "{path}: cannot be written ({reason})",
        "{path}: تتعذر كتابة الملف ({reason})",
    ),
    "import.done": (
        "Imported {careers:en:career}, {skills:en:skill} and {links:en:skill_link} "
        "({essential} essential, {optional} optional) from ESCO into {path}.",
        "استُورد من ESCO إلى {path}: {careers:ar:career}، و{skills:ar:skill}، "
        "و{links:ar:skill_link} (منها {essential} أساسية و{optional} اختيارية).",
    ),
    "import.done_with_arabic": (
        "Imported {careers:en:career}, {skills:en:skill} and {links:en:skill_link} "
        "({essential} essential, {optional} optional) from ESCO into {path}; "
        "Arabic titles for {arabic} of {careers:en:career}.",
        "استُورد من ESCO إلى {path}: {careers:ar:career}، و{skills:ar:skill}، "
        "و{links:ar:skill_link} (منها {essential} أساسية و{optional} اختيارية)؛ "
        "وعدد المهن التي لها عنوان عربي: {arabic} من {careers}.",
    ),
    "import.skipped": (
        "warning: skipped {parts}",
        "تحذير: لم يُستورد ما يلي: {parts}",
    ),
    "import.skipped_relations": (
        "{count:en:relation} naming an occupation or skill that is not imported",
        "{count:ar:relation} تشير إلى مهنة أو مهارة غير مستوردة",
    ),
    "import.skipped_too_long": (
        "{count:en:text} longer than the catalogue format allows",
        "{count:ar:text} أطول مما يسمح به تنسيق الكتالوج",
    ),
    "import.skipped_over_limit": (
        "{count:en:item} past the format's limits (other names of a record, skills of a line)",
        "{count:ar:item} تتجاوز حدود التنسيق (الأسماء الأخرى للسجل، أو المهارات في السطر الواحد)",
    ),
    "import.skipped_separator": ("; ", "؛ "),
    # --- career moves (careers next, gap, match --next-skills) ---
    "next.none": (
        "no career shares a skill with {career}",
        "لا توجد مهنة تشترك في مهارة مع {career}",
    ),
    "next.legend": (
        "closeness: how alike the two careers' skills are (0 to 1), plus 0.1 for each level "
        "of the ISCO-08 group they share · essential skills of each career that {career} "
        "already has · skills that carry over · skills still missing, in the learning order",
        "القرب: مدى تشابه مهارات المهنتين (من 0 إلى 1)، مع 0.1 لكل مستوى مشترك من مجموعة "
        "ISCO-08 · المهارات الأساسية لكل مهنة التي تملكها مهنة {career} بالفعل · "
        "المهارات المنقولة · المهارات الناقصة، بترتيب التعلم",
    ),
    "next.essential": (
        "{count} of {total} essential skills",
        "المهارات الأساسية: {count} من {total}",
    ),
    "next.count": (
        "{count} of {total:en:skill}",
        "{count} من {total:ar:skill}",
    ),
    "gap.summary": (
        "{source} covers {coverage} of {target}: {transfer} of {total:en:skill} carry over, "
        "{missing} to learn",
        "تغطي مهنة {source} نسبة {coverage} من مهنة {target}: "
        "تنتقل {transfer} من {total:ar:skill}، وللتعلم {missing}",
    ),
    "gap.same": (
        "you named {career} twice: the same career, nothing to learn",
        "ذكرت {career} مرتين: المهنة نفسها، لا شيء للتعلم",
    ),
    "gap.nothing": (
        "{source} already has every skill {target} needs: nothing to learn",
        "تملك مهنة {source} كل المهارات التي تحتاجها مهنة {target}: لا شيء للتعلم",
    ),
    "gap.title": (
        "From {source} to {target}",
        "من {source} إلى {target}",
    ),
    "gap.legend": (
        "learning order: essential skills first, then those fewer careers need (they say "
        "more about {target}) · coverage of {target} once learnt · also opens: careers near "
        "{target} that need it, named at the first step that opens them",
        "ترتيب التعلم: المهارات الأساسية أولاً، ثم التي تحتاجها مهن أقل "
        "(تدل أكثر على مهنة {target}) · نسبة تغطية {target} بعد تعلمها · تفتح أيضاً: "
        "مهن قريبة من {target} تحتاجها، تُذكر عند أول خطوة تفتحها",
    ),
    "next_skills.none": (
        "your best matches need no skill you do not have",
        "لا تحتاج أفضل المهن المطابقة لك إلى مهارة لا تملكها",
    ),
    "next_skills.legend": (
        "+ what the skill would add, in all, to the scores of your best {count:en:career} "
        "that need it · the careers it would raise · careers it would open, which match none "
        "of your skills yet",
        "+ ما تضيفه المهارة، مجموعاً، إلى درجات أفضل المهن المطابقة لك ({count:ar:career}) "
        "التي تحتاجها · المهن التي ترفع درجتها · المهن التي تفتحها ولا تطابق أياً من "
        "مهاراتك بعد",
    ),
    # --- the skill profile (careers profile) ---
    "profile.unreadable": (
        "your profile {path} cannot be read ({reason})",
        "تتعذر قراءة ملفك الشخصي {path} ({reason})",
    ),
    "profile.invalid": (
        "your profile {path} is not a valid profile ({detail}); it was left as it is",
        "ملفك الشخصي {path} ليس ملفاً شخصياً صالحاً ({detail})؛ تُرك كما هو",
    ),
    "profile.not_regular": (
        "your profile {path} is not a regular file (a pipe, a device or a socket); it was "
        "left as it is",
        "ملفك الشخصي {path} ليس ملفاً عادياً (أنبوب أو جهاز أو مقبس)؛ تُرك كما هو",
    ),
    "profile.newer": (
        "your profile {path} is in format {version}, written by a newer careers; it was left "
        "as it is",
        "ملفك الشخصي {path} بالصيغة {version} التي كتبها إصدار أحدث من careers؛ تُرك كما هو",
    ),
    "profile.fix_hint": (
        "correct it, delete it, or start afresh with 'careers profile clear --force'",
        "صحّحه أو احذفه، أو ابدأ من جديد بالأمر 'careers profile clear --force'",
    ),
    "profile.cannot_write": (
        "cannot write your profile {path} ({reason}); nothing was changed",
        "تتعذر كتابة ملفك الشخصي {path} ({reason})؛ لم يتغير شيء",
    ),
    "profile.added": (
        "added {count:en:skill}; your profile has {total:en:skill}",
        "أُضيف {count:ar:skill}؛ في ملفك الشخصي الآن {total:ar:skill}",
    ),
    "profile.removed": (
        "removed {count:en:skill}; your profile has {total:en:skill}",
        "حُذف {count:ar:skill}؛ في ملفك الشخصي الآن {total:ar:skill}",
    ),
    "profile.not_in": (
        "'{query}' ({id}) is not in your profile",
        "'{query}' ({id}) ليست في ملفك الشخصي",
    ),
    "profile.cleared": (
        "your profile is empty now ({path} removed)",
        "أصبح ملفك الشخصي فارغاً (حُذف {path})",
    ),
    "profile.already_empty": (
        "your profile was already empty",
        "ملفك الشخصي فارغ أصلاً",
    ),
    "profile.empty": (
        "your profile is empty; add your skills with 'careers profile add SKILL...'",
        "ملفك الشخصي فارغ؛ أضف مهاراتك بالأمر 'careers profile add SKILL...'",
    ),
    "profile.where": (
        "your profile for this catalogue: {path}",
        "ملفك الشخصي لهذا الكتالوج: {path}",
    ),
    "profile.unknown": (
        "your profile names {count:en:skill} this catalogue does not have: {ids}; "
        "'careers profile remove {ids}' removes them",
        "يذكر ملفك الشخصي {count:ar:skill} لا يحتويها هذا الكتالوج: {ids}؛ "
        "الأمر 'careers profile remove {ids}' يحذفها",
    ),
    "profile.career_count": (
        "{count:en:career}",
        "{count:ar:career}",
    ),
    "profile.using": (
        "using the {count:en:skill} of your profile",
        "تُستخدم مهارات ملفك الشخصي ({count:ar:skill})",
    ),
    # --- compiled catalogues (careers cache) ---
    "cache.directory": (
        "Compiled catalogues (stores) are kept in {path}",
        "تُحفظ الكتالوجات المُجمَّعة (المخازن) في {path}",
    ),
    "cache.none": (
        "no stores",
        "لا توجد مخازن",
    ),
    "cache.fresh": ("fresh", "محدَّث"),
    "cache.stale": ("stale", "قديم"),
    "cache.untrusted": ("untrusted", "غير موثوق"),
    "cache.untrusted_folder": (
        "the cache directory {path} is not yours alone (another user's, or writable by group "
        "or others): no store in it is used or compiled; run 'chmod go-w {path}' or set "
        "CAREERS_CACHE_DIR to a folder only you can write",
        "مجلد التخزين المؤقت {path} ليس لك وحدك (يملكه مستخدم آخر أو يستطيع غيرك الكتابة فيه): "
        "لا يُستخدم أي مخزن فيه ولا يُجمَّع؛ نفّذ 'chmod go-w {path}' أو اجعل CAREERS_CACHE_DIR "
        "مجلداً لا يكتب فيه سواك",
    ),
    "cache.temporaries": (
        "{count:en:unfinished_file} left by compilations that did not finish, {size}",
        "{count:ar:unfinished_file} خلّفتها تجميعات لم تكتمل، بحجم {size}",
    ),
    "cache.removed_temporaries": (
        "Removed {count:en:store} and {unfinished:en:unfinished_file} ({size})",
        "حُذف {count:ar:store} و{unfinished:ar:unfinished_file} ({size})",
    ),
    "cache.waiting": (
        "waiting for the compilation of a store to finish…",
        "بانتظار انتهاء تجميع مخزن…",
    ),
    "cache.not_a_store": (
        "{store}: not a store of this program",
        "{store}: ليس مخزناً لهذا البرنامج",
    ),
    "cache.total": (
        "{count:en:store}, {size} in all",
        "{count:ar:store}، الحجم الكلي {size}",
    ),
    "cache.removed": (
        "Removed {count:en:store} ({size})",
        "حُذف {count:ar:store} ({size})",
    ),
    "cache.unreadable": (
        "the cache directory {path} cannot be read ({reason})",
        "تتعذر قراءة مجلد التخزين المؤقت {path} ({reason})",
    ),
    "cache.cannot_remove": (
        "cannot remove {path} ({reason})",
        "يتعذر حذف {path} ({reason})",
    ),
    "cache.built": (
        "Compiled {catalogue} into {store}",
        "جُمِّع {catalogue} في {store}",
    ),
    "cache.up_to_date": (
        "The store of {catalogue} is up to date: {store}",
        "مخزن {catalogue} محدَّث: {store}",
    ),
    "cache.not_needed": (
        "The built-in catalogue is read from its file: it needs no store",
        "يُقرأ الكتالوج المدمج من ملفه: لا يحتاج إلى مخزن",
    ),
    "cache.not_written": (
        "cannot write the store {path} ({reason})",
        "يتعذر كتابة المخزن {path} ({reason})",
    ),
    "browse.not_a_terminal": (
        "careers browse needs a terminal: its output and input are not one",
        "يحتاج careers browse إلى طرفية: مخرجه ومدخله ليسا طرفية",
    ),
    "browse.not_written": (
        "cannot write {path} ({reason})",
        "يتعذر كتابة {path} ({reason})",
    ),
}

_LABELS: dict[str, tuple[str, str]] = {
    "id": ("id", "المعرف"),
    "title": ("title", "المسمى"),
    "summary": ("summary", "نبذة"),
    "skills": ("skills", "المهارات"),
    "skill": ("skill", "المهارة"),
    "description": ("Description", "الوصف"),
    "about": ("about", "الوصف"),
    "responsibilities": ("Responsibilities", "المهام والمسؤوليات"),
    "required_skills": ("Required skills", "المهارات المطلوبة"),
    "optional_skills": ("Optional skills", "مهارات اختيارية"),
    "alt_titles": ("Also called", "تُعرف أيضاً باسم"),
    "fallback": ("[ar]", "[en]"),
    "fallback.list": (
        "[ar] all of these are in Arabic: the catalogue has no English text for them",
        "[en] كل ما يلي بالإنجليزية: لا نص عربي له في هذا الكتالوج",
    ),
    "fallback.summaries": (
        "[ar] the summaries are in Arabic: the catalogue has no English text for them",
        "[en] الملخصات بالإنجليزية: لا نص عربي لها في هذا الكتالوج",
    ),
    "compiling_careers": ("compiling careers", "تجميع المهن"),
    "compiling_skills": ("compiling skills", "تجميع المهارات"),
    "language.en": ("en", "الإنجليزية"),
    "language.ar": ("ar", "العربية"),
    "optional": ("optional", "اختيارية"),
    "family_of": ("its family", "من عائلتها"),
    "by_words": ("a skill with these words", "مهارة بهذه الكلمات"),
    "present_optional": ("optional", "اختيارية"),
    "also_helps": ("also helps", "تفيد أيضاً"),
    "tagged_as": ("tagged as", "الوسوم"),
    "platforms": ("Platforms and tools", "المنصات والأدوات"),
    "trends": ("Trends", "التوجهات المستقبلية"),
    "tips": ("Tips", "نصائح للنجاح"),
    "occupations": ("Standard occupations (ESCO)", "المهن المعيارية (ESCO)"),
    "related": ("Related careers", "مهن ذات صلة"),
    "shared_skills": ("shared skills", "المهارات المشتركة"),
    "careers": ("careers", "المهن"),
    "career": ("career", "المهنة"),
    "aliases": ("also", "أسماء أخرى"),
    "needed_by": ("needed by", "تحتاجها"),
    "has": ("has", "لديها"),
    "to_learn": ("to learn", "للتعلم"),
    "similarity": ("skills in common", "المهارات المشتركة"),
    "match.exact": ("exact", "مطابقة"),
    "match.close": ("close", "قريبة"),
    "match.approximate": ("approximate", "تقريبية"),
    "isco": ("ISCO-08", "ISCO-08"),
    "occupation_match": ("match", "درجة التطابق"),
    "kind.platform": ("platform", "منصة"),
    "kind.tool": ("tool", "أداة"),
    "score": ("score", "الدرجة"),
    "present": ("yes", "نعم"),
    "yes": ("yes", "نعم"),
    "no": ("no", "لا"),
    "absent": ("-", "-"),
    "none": ("none", "لا يوجد"),
    "coverage": ("covers", "التغطية"),
    "closeness": ("closeness", "القرب"),
    "stdout": ("standard output", "المخرج القياسي"),
    "step_down": ("a step down", "خطوة إلى الخلف"),
    "common_only": ("shares only common skills", "تشترك في مهارات شائعة فقط"),
    "carries_over": ("carries over", "تنتقل"),
    "missing": ("missing", "ناقصة"),
    "learn_order": ("To learn, in this order", "للتعلم، بهذا الترتيب"),
    "transfers": ("Carries over", "تنتقل"),
    "opens": ("also opens", "تفتح أيضاً"),
    "raises": ("raises", "ترفع"),
    "new_careers": ("opens", "تفتح"),
    # the words around the help of a command
    "help.usage": ("Usage:", "الاستخدام:"),
    "help.options_metavar": ("[OPTIONS]", "[الخيارات]"),
    "help.subcommand_metavar": ("COMMAND [ARGS]...", "الأمر [الوسائط]..."),
    "help.arguments": ("Arguments", "الوسائط"),
    "help.options": ("Options", "الخيارات"),
    "help.commands": ("Commands", "الأوامر"),
    "help.common_options": ("Common options", "الخيارات المشتركة"),
    "help.required": ("[required]", "[مطلوب]"),
    "help.envvar": ("[env var: {}]", "[متغير البيئة: {}]"),
    "help.default": ("[default: {}]", "[الافتراضي: {}]"),
}


def message(key: str, language: Language = "en", /, **params: object) -> str:
    """The sentence `key` in `language`, with `params` filled in: integers as `Count`, words
    of another program (`Phrase`), an operating system's reasons (`errors.OsReason`) and
    catalogue text (`Bilingual`) in `language`."""
    english, arabic = _MESSAGES[key]
    template = arabic if language == "ar" else english
    return template.format(**{k: _in_language(v, language) for k, v in params.items()})


def _in_language(value: object, language: Language) -> object:
    if type(value) is int:
        return Count(value)
    if isinstance(value, Phrase):
        return value.arabic if language == "ar" else value.english
    if isinstance(value, Bilingual):  # catalogue text: a career's title
        return value.in_language(language)
    if language == "ar" and isinstance(value, str) and hasattr(value, "errno"):
        return os_reason_in_arabic(value)
    return value


# An operating system's reasons for a failed call, by error number, in Arabic.
_OS_REASONS: dict[int, str] = {
    errno.ENOENT: "الملف أو المجلد غير موجود",
    errno.EACCES: "الإذن مرفوض",
    errno.EPERM: "العملية غير مسموح بها",
    errno.ENOSPC: "لا توجد مساحة كافية على القرص",
    errno.EDQUOT: "تجاوزت حصة القرص",
    errno.EROFS: "نظام الملفات للقراءة فقط",
    errno.EISDIR: "هذا مجلد",
    errno.ENOTDIR: "جزء من المسار ليس مجلداً",
    errno.EIO: "خطأ في الإدخال أو الإخراج",
    errno.EEXIST: "الملف موجود",
    errno.ENAMETOOLONG: "الاسم أطول من المسموح",
    errno.ELOOP: "روابط رمزية كثيرة في المسار",
    errno.EMFILE: "ملفات مفتوحة كثيرة",
    errno.EBADF: "واصف ملف غير صالح",
    errno.EPIPE: "انقطع الأنبوب",
    errno.EXDEV: "لا يمكن النقل بين نظامي ملفات",
    errno.ETXTBSY: "الملف قيد الاستخدام",
    errno.EBUSY: "المورد مشغول",
    errno.EINVAL: "وسيط غير صالح",
    errno.EFBIG: "الملف أكبر من المسموح",
}


NOT_A_REGULAR_FILE = "not a regular file"
"""The reason `userfiles.regular` gives for a pipe, device or socket where a file is read."""

_KINDS_IN_ARABIC = {
    "a named pipe": "أنبوب مسمّى",
    "a device": "جهاز",
    "a socket": "مقبس",
    "a directory": "مجلد",
}


def os_reason_in_arabic(reason: str) -> str:
    """An operating system's reason (`errors.OsReason`) in Arabic, by its number; a number
    with no Arabic here is named by its symbol (`EXYZ`)."""
    number = getattr(reason, "errno", None)
    words = _OS_REASONS.get(number) if isinstance(number, int) else None
    english = getattr(reason, "words", "")
    if english.startswith(NOT_A_REGULAR_FILE):  # the program's own reason, not the system's
        kind = english[len(NOT_A_REGULAR_FILE) :].strip(" ()")
        words = "ليس ملفاً عادياً" + (f" ({_KINDS_IN_ARABIC.get(kind, kind)})" if kind else "")
    if words is None:
        code = errno.errorcode.get(number, "") if isinstance(number, int) else ""
        words = f"خطأ في نظام التشغيل {code}".strip()
    place = getattr(reason, "place", None)
    return f"{place}: {words}" if place else words


# English singular and plural; Arabic singular, dual, plural and the gender of "one".
_NOUNS: dict[str, tuple[tuple[str, str], tuple[str, str, str, str]]] = {
    "problem": (("problem", "problems"), ("مشكلة", "مشكلتان", "مشكلات", "واحدة")),
    "career": (("career", "careers"), ("مهنة", "مهنتان", "مهن", "واحدة")),
    "skill": (("skill", "skills"), ("مهارة", "مهارتان", "مهارات", "واحدة")),
    "trend": (("trend", "trends"), ("توجه", "توجهان", "توجهات", "واحد")),
    "tip": (("tip", "tips"), ("نصيحة", "نصيحتان", "نصائح", "واحدة")),
    "item": (("item", "items"), ("عنصر", "عنصران", "عناصر", "واحد")),
    "record": (("record", "records"), ("سجل", "سجلان", "سجلات", "واحد")),
    "key": (("key", "keys"), ("مفتاح", "مفتاحان", "مفاتيح", "واحد")),
    "skill_link": (
        ("skill link", "skill links"),
        ("رابط مهارة", "رابطا مهارة", "روابط مهارات", "واحد"),
    ),
    "relation": (("relation", "relations"), ("علاقة", "علاقتان", "علاقات", "واحدة")),
    "text": (("text", "texts"), ("نص", "نصان", "نصوص", "واحد")),
    "store": (("store", "stores"), ("مخزن", "مخزنان", "مخازن", "واحد")),
    "unfinished_file": (
        ("unfinished file", "unfinished files"),
        ("ملف غير مكتمل", "ملفان غير مكتملين", "ملفات غير مكتملة", "واحد"),
    ),
    "section": (("section", "sections"), ("قسم", "قسمان", "أقسام", "واحد")),
}


class Count(int):
    """An integer that formats with a noun in the form its number needs: `{n:ar:skill}`."""

    def __format__(self, spec: str) -> str:
        language, _, noun = spec.partition(":")
        if noun not in _NOUNS:
            return super().__format__(spec)
        (singular, plural), (one, two, few, gender_of_one) = _NOUNS[noun]
        n = int(self)
        if language != "ar":
            return f"{n} {singular if n == 1 else plural}"
        if n == 1:
            return f"{one} {gender_of_one}"
        if n == 2:
            return two
        # After 0 and 3 to 10 (and 103 to 110, ...) the plural; after any other the singular.
        return f"{n} {few if n == 0 or 3 <= n % 100 <= 10 else one}"


class Alternatives:
    """Values of which one is expected, joined as the template's language joins them."""

    def __init__(self, values: Sequence[str]) -> None:
        self.values = list(values)

    def __format__(self, spec: str) -> str:
        if spec == "ar" or len(self.values) < 2:
            return " أو ".join(self.values)
        return f"{', '.join(self.values[:-1])} or {self.values[-1]}"


class Phrase:
    """Words of another program (the JSON parser, the option parser) with their Arabic: a
    message given one says the words as that program said them in English, their Arabic in
    Arabic."""

    def __init__(self, english: str, arabic: str) -> None:
        self.english = english
        self.arabic = arabic

    def __str__(self) -> str:
        return self.english

    def __repr__(self) -> str:
        return repr(self.english)


# What Python's JSON parser says (`json.JSONDecodeError.msg`, by its first words), in Arabic.
_JSON_PHRASES: tuple[tuple[str, str], ...] = (
    ("Expecting value", "تُنتظر هنا قيمة JSON"),
    ("Expecting property name", "يُنتظر هنا اسم مفتاح بين علامتي تنصيص مزدوجتين"),
    ("Expecting ':' delimiter", "تُنتظر هنا النقطتان ':' بعد المفتاح"),
    ("Expecting ',' delimiter", "تُنتظر هنا فاصلة ',' بين عنصرين"),
    ("Unterminated string", "نص لم يُغلق بعلامة تنصيص"),
    ("Invalid control character", "محرف تحكم غير مسموح داخل النص"),
    ("Invalid \\uXXXX escape", "تهريب يونيكود غير صالح: تلزمه أربعة أرقام ست عشرية"),
    ("Invalid \\escape", "تهريب غير صالح بعد الشرطة المائلة العكسية"),
    ("Extra data", "بيانات زائدة بعد نهاية كائن JSON"),
    ("Illegal trailing comma", "فاصلة زائدة قبل نهاية الكائن أو القائمة"),
)


def json_phrase(english: str) -> Phrase:
    """What the JSON parser said, with its Arabic."""
    for start, arabic in _JSON_PHRASES:
        if english.startswith(start):
            return Phrase(english, arabic)
    return Phrase(english, "بنية JSON غير صالحة")


# What Python's CSV reader says (`csv.Error`), by a pattern of its words, in Arabic.
_CSV_PHRASES: tuple[tuple[str, str], ...] = (
    (r"'(.)' expected after '(.)'", "يُنتظر '{0}' بعد '{1}'"),
    (r"unexpected end of data", "انتهت البيانات قبل أن تُغلق علامة التنصيص"),
    (r"field larger than field limit \((\d+)\)", "خلية أطول من الحد ({0} محرف)"),
    (r"line contains NUL", "في السطر محرف NUL"),
    (r"new-line character seen in unquoted field", "سطر جديد داخل خلية بلا علامتي تنصيص"),
    (r"a line longer than ([\d,]+) bytes", "سطر أطول من {0} بايت"),
)


def csv_phrase(english: str) -> Phrase:
    """What the CSV reader said (or the import, of a line too long), with its Arabic."""
    import re

    for pattern, arabic in _CSV_PHRASES:
        found = re.match(pattern, english)
        if found:
            return Phrase(english, arabic.format(*found.groups()))
    return Phrase(english, "بنية CSV غير صالحة")


def zip_phrase(english: str) -> Phrase:
    """What the zip reader said of a broken zip, with its Arabic (in general words: its
    reasons are many and technical)."""
    return Phrase(english, "محتواه معطوب، أو مشفَّر، أو مضغوط بطريقة غير مدعومة")


def store_phrase(english: str) -> Phrase:
    """What SQLite said of a damaged store, with its Arabic (in general words)."""
    return Phrase(english, "تعذّرت قراءة جداوله")


def value_phrase(english: str) -> Phrase:
    """What Python said of a JSON value it could not convert (a number too long), in Arabic."""
    return Phrase(english, "عدد أطول مما يمكن تحويله")


def constant_phrase(constant: str) -> Phrase:
    """A number JSON does not have (NaN, Infinity), with its Arabic."""
    return Phrase(f"{constant} is not a JSON number", f"{constant} ليس عدداً في JSON")


def has_message(key: str) -> bool:
    return key in _MESSAGES


# Column headers of Markdown tables in Arabic; in English they are the CSV headers themselves.
_ARABIC_COLUMNS: dict[str, str] = {
    "id": "المعرف",
    "title": "المسمى",
    "summary": "نبذة",
    "skills": "المهارات",
    "skill": "المهارة",
    "label": "الاسم",
    "aliases": "أسماء أخرى",
    "careers": "المهن",
    "platforms": "المنصات والأدوات",
    "text": "النص",
    "rank": "الترتيب",
    "heading": "العنوان",
    "paragraphs": "الفقرات",
    "score": "الدرجة",
    "matched": "المهارات المطابقة",
    "asked": "المهارات التي أدخلتها",
    "centrality": "نسبة التغطية",
    "has": "لديها",
    "found_by": "الكلمات التي وجدتها",
    "to_learn": "للتعلم",
    "description": "الوصف",
    "responsibilities": "المهام والمسؤوليات",
    "required_skills": "المهارات المطلوبة",
    "optional_skills": "مهارات اختيارية",
    "alt_titles": "مسميات أخرى",
    "to_learn_optional": "اختيارية للتعلم",
    "trends": "التوجهات",
    "tips": "النصائح",
    "occupations": "المهن المعيارية",
    "related": "مهن ذات صلة",
    "coverage": "التغطية",
    "transfer": "تنتقل",
    "transfer_count": "عدد المنقولة",
    "missing": "ناقصة",
    "missing_count": "عدد الناقصة",
    "step": "الخطوة",
    "status": "الحالة",
    "importance": "الأهمية",
    "weight": "الوزن",
    "opens": "تفتح أيضاً",
    "coverage_after": "التغطية بعدها",
    "gain": "الزيادة",
    "raises": "ترفع",
    "opens_count": "عدد المهن الجديدة",
    "kind": "النوع",
}


def column_label(key: str, language: Language = "en") -> str:
    """A table column's header: the key itself in English (as in CSV), its Arabic name in
    Arabic; a key with no Arabic name (a career id heading a `compare` column) stays as it is."""
    return _ARABIC_COLUMNS.get(key, key) if language == "ar" else key


def label(key: str, language: Language = "en") -> str:
    """A short UI label (table header, heading) in `language`."""
    english, arabic = _LABELS[key]
    return arabic if language == "ar" else english


def message_templates() -> dict[str, tuple[str, str]]:
    """Every message as its (English, Arabic) templates."""
    return dict(_MESSAGES)


def labels() -> dict[str, tuple[str, str]]:
    """Every label as its (English, Arabic) text."""
    return dict(_LABELS)
