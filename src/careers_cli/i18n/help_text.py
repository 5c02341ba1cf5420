"""The help of every command in Arabic, for `--help` with `--lang ar` or `CAREERS_LANG=ar`.

The English help is where each command is declared (its docstring and its options' `help=`),
since the option parser reads it there; its Arabic is here, keyed by the command's path
(`""` for `careers` itself, `"profile add"`), and by the command's path and a parameter's name
(`"list|limit"`; `"*|lang"` for an option every command shares). The words around the help (the
usage line, the panels' headings) are labels in `messages`.

Rich markup (`[bold]أمثلة[/bold]`) is the program's own, as in the English docstrings.
"""

from __future__ import annotations

_COMMANDS: dict[str, str] = {
    "": """استكشف المهن من الطرفية: اعرضها واقرأ عنها وقارن بينها وطابقها مع مهاراتك.

[bold]أمثلة[/bold]

careers list

careers show influencer --lang ar

careers match -s analytics -s "content creation"

تصلح الخيارات المشتركة قبل اسم الأمر أو بعده.""",
    "list": """اعرض المهن: المعرف والمسمى والنبذة وعدد المهارات.

[bold]أمثلة[/bold]

careers list

careers list --lang ar --limit all

careers list --skill analytics --skill instagram""",
    "show": """اعرض مهنة واحدة: مهامها ومهاراتها وأدواتها والتوجهات والنصائح والمهن ذات الصلة.

تعرض القوائم الطويلة أول عناصرها وعدد ما بقي منها؛ ويعرضها كلها --limit all، أو --format json \
أو csv أو markdown.

[bold]أمثلة[/bold]

careers show influencer

careers show "mechanical engineer" --limit all

careers show "community manager"

careers show analyst --lang ar""",
    "compare": """قارن بين المهن جنباً إلى جنب: مهارات كل منها (المشتركة أولاً) والأدوات ومدى التشابه.

[bold]أمثلة[/bold]

careers compare influencer digital-content-creator

careers compare analyst "community manager" social-media-manager""",
    "match": """رتّب المهن حسب المهارات التي تملكها، واعرض ما ينقص كل مهنة منها.

الدرجة: كل مهارة من مهاراتك تحتاجها المهنة تضيف ln(1 + عدد المهن / عدد المهن التي \
تحتاجها)، فالمهارة التي تحتاجها مهن قليلة أثقل وزناً من مهارة تحتاجها معظم المهن، والمهارة \
الاختيارية للمهنة تضيف نصف ذلك. تُحسب المنصات والأدوات (--skill instagram) مهاراتٍ للمهن التي \
تذكرها. والكلمة التي تطابق عدة مهارات تمثلها كلها. تتشارك الدرجات المتساوية الترتيب نفسه، \
وتتقدم بينها المهنة التي تغطي مهاراتُك نسبةً أكبر من مهاراتها الأساسية، ثم التي تتصل مهاراتها \
الأخرى بمهاراتك. [bold]3.02 · 2/2 · 50%[/bold]: مهارتان من مهارتيك تغطيان نصف متطلبات \
المهنة. المهارة التي لا تطابق شيئاً يُبلَّغ عنها وتُطابَق البقية، وتكون حالة الخروج عندئذ 1. \
ومن دون --skill تُطابَق مهارات ملفك الشخصي.

--next-skills: ما تتعلمه بعد ذلك. لكل مهارة تحتاجها أفضل 10 مهن مطابقة لك ولا تملكها، ما \
تضيفه إلى درجاتها مجموعةً؛ الأكبر أولاً، ثم الأندر، ثم التي تفتح مهناً أكثر (لا تطابق أياً \
من مهاراتك بعد)، ثم حسب المعرف.

[bold]أمثلة[/bold]

careers match --skill analytics

careers match -s analytics -s "content creation"

careers match -s "تحليل البيانات" --all --limit 3

careers match -s analytics --next-skills""",
    "next": """أقرب المهن إلى المهنة المذكورة: كم تملك من المهارات الأساسية لكل منها، والمهارات \
التي تنتقل معك، والمهارات التي ما زالت تنقصك.

القرب: مدى تشابه مهارات المهنتين (جيب التمام، بوزن 1 للمهارة الأساسية و1/2 للاختيارية)، مع \
0.1 لكل مستوى مشترك من مجموعة ISCO-08 حين تملك مهنتك إحدى المهارات الأساسية للأخرى. الأقرب \
أولاً (ويتشارك القرب المتساوي الترتيب نفسه)؛ ويُعلَّم ما كان خطوة إلى الخلف وما لا يشترك إلا \
في مهارات شائعة، ويأتي هذا الأخير في آخر القائمة. لا تُعرض المهن التي لا تشترك مع مهنتك في أي \
مهارة. تأتي المهارات الناقصة الأساسية أولاً، ثم الأندر.

[bold]أمثلة[/bold]

careers next influencer

careers next "community manager" -n 3

careers next analyst --format json""",
    "gap": """ما ينتقل معك من مهنتك الحالية إلى المهنة التي تريدها، وما تتعلمه، بترتيب يمكنك اتباعه.

المهارات التي تتعلمها، بترتيب التعلم: الأساسية قبل الاختيارية، ثم الأدل على المهنة المقصودة \
(التي تحتاجها مهن أقل)، ثم حسب المعرف. مع كل مهارة نسبة تغطيتك للمهنة المقصودة بعد تعلمها، \
وعند أول ظهور لها المهن القريبة من المقصودة التي تفتحها أيضاً؛ ثم التوجهات والنصائح المتعلقة \
بها. ويعطي --format markdown قائمة مهام تحتفظ بها.

[bold]أمثلة[/bold]

careers gap digital-content-creator social-media-data-analyst

careers gap influencer "community manager" --lang ar

careers gap influencer analyst --format markdown > plan.md""",
    "skills": """اعرض مفردات المهارات: كل مهارة وأسماؤها والمهن التي تحتاجها.

من دون نص: كل المهارات مرتبة حسب المعرف؛ ومع نص: المهارات التي يطابقه معرفها أو اسمها أو \
أسماؤها الأخرى، الأقرب أولاً؛ وإن لم تطابقه أي مهارة فالأشبه به.

[bold]أمثلة[/bold]

careers skills

careers skills analysis

careers skills --lang ar""",
    "trends": """اعرض التوجهات المستقبلية في المجال، مع المهن والمهارات التي يخصها كل توجه.

[bold]أمثلة[/bold]

careers trends

careers trends ai-and-data-analysis""",
    "tips": """اعرض نصائح النجاح، مع المهن والمهارات التي تخصها كل نصيحة.

[bold]أمثلة[/bold]

careers tips --lang ar

careers tips networking""",
    "read": """اقرأ نصوص الكتالوج كاملة: في الكتالوج المدمج، مقدمة المقال ونظرته إلى المستقبل \
والتوجهات والنصائح والتعلم المستمر والخاتمة.

[bold]أمثلة[/bold]

careers read

careers read career-outlook --lang ar""",
    "browse": """تصفح المهن على الشاشة كاملة: اكتب لتضييقها، وافتح إحداها، وتنقل بين مهاراتها \
والمهن ذات الصلة بها، رجوعاً وتقدماً؛ ومهاراتك والمهن التي تطابقها؛ والخطوات التالية وخطط \
الانتقال؛ وتُحفظ كل صفحة بصيغة Markdown أو html. يعرض '?' المفاتيح، ويُنهي 'q' التصفح.

[bold]أمثلة[/bold]

careers browse

careers browse --lang ar

careers browse --data esco.json""",
    "validate": """افحص ملف كتالوج وأبلغ عن مشكلاته، كل مشكلة مع موضعها.

حالة الخروج 0 إن كان صالحاً (مع سطر يلخصه)، و3 إن لم يكن.

[bold]أمثلة[/bold]

careers validate my-careers.json

careers validate examples/small-catalogue.json""",
    "schema": """اطبع صيغة الكتالوج بمخطط JSON Schema، للمحررات التي تفحص الملفات أثناء الكتابة.

[bold]مثال[/bold]

careers schema > careers.schema.json""",
    "profile": """احفظ المهارات التي تملكها، كي لا يحتاج 'careers match' إلى --skill.

ملف شخصي واحد لكل كتالوج (المدمج، أو كل ملف يُعطى بـ --data)، يُحفظ في مجلد إعداداتك \
(المجلد الذي يسمّيه متغير البيئة CAREERS_CONFIG_DIR، وإلا ~/.config/careers على لينكس)، \
ولا يُحفظ أبداً بجوار الكتالوج. تُسمّى المهارات كما في 'match --skill'.

[bold]أمثلة[/bold]

careers profile add analytics "content creation"

careers profile list

careers match --next-skills""",
    "profile add": """أضف مهارات إلى ملفك الشخصي. المهارة التي لا تطابق شيئاً (أو تطابق عدة أشياء) \
يُبلَّغ عنها، ولا يُضاف عندئذ شيء.

[bold]أمثلة[/bold]

careers profile add analytics "content creation"

careers profile add "تحليل البيانات" instagram""",
    "profile remove": """احذف مهارات من ملفك الشخصي: تُسمّى كما في 'match --skill'، أو بالمعرف \
الذي يحفظه الملف (حتى لمهارة لم تعد في الكتالوج).

[bold]أمثلة[/bold]

careers profile remove analytics

careers profile remove "content creation" instagram""",
    "profile list": """اعرض مهارات ملفك الشخصي، ومكان حفظه.

[bold]أمثلة[/bold]

careers profile list

careers profile list --format json""",
    "profile clear": """أفرغ ملفك الشخصي (يُحذف ملفه). الملف الذي ليس ملفاً شخصياً صالحاً يُترك كما \
هو، إلا مع --force.

[bold]أمثلة[/bold]

careers profile clear

careers profile clear --force""",
    "import": """استورد كتالوجاً من تصنيف معياري للمهن والمهارات (ESCO).

[bold]مثال[/bold]

careers import esco ESCO_dataset_v1.2.0_classification_en_csv.zip --output esco.json""",
    "import esco": """استورد مهن ESCO ومهاراته إلى ملف كتالوج.

تصبح كل مهنة في ESCO مهنةً في الكتالوج، بمسمياتها الأخرى ووصفها ومجموعتها في ISCO-08؛ وكل \
مهارة مهارةً في المفردات بأسمائها الأخرى ووصفها؛ وكل رابط مهارةً مطلوبة أساسية أو اختيارية. \
وتأتي النصوص العربية (المسميات والأوصاف والأسماء الأخرى للمهن والمهارات) من الملفين \
occupations_ar.csv وskills_ar.csv حين يحتويهما التنزيل.

هنا يختار --lang اللغات التي تُستورد؛ أما الرسائل فتتبع --lang المعطى قبل اسم الأمر، أو \
متغير البيئة CAREERS_LANG.

[bold]أمثلة[/bold]

careers import esco ESCO_dataset_v1.2.0_classification_en_csv.zip --output esco.json

careers import esco ./esco-csv -o esco-en.json --lang en

careers list --data esco.json""",
    "cache": """اعرض الكتالوجات المُجمَّعة (المخازن): مجلدها، وحجم كل منها، وهل هو محدَّث، والكتالوج \
الذي جُمِّع منه.

يُجمَّع الكتالوج الخاص بك (--data أو متغير البيئة CAREERS_DATA) في مخزن داخل مجلد التخزين \
المؤقت أول مرة \
يُستخدم فيها، فلا تحتاج الأوامر اللاحقة إلى قراءة الملف كله من جديد. يسمّي \
متغير البيئة CAREERS_CACHE_DIR مجلداً آخر؛ ومع CAREERS_NO_CACHE=1 تُقرأ الكتالوجات من \
ملفاتها فقط. ويُعاد بناء المخزن القديم حين يُستخدم كتالوجه في المرة التالية.

[bold]أمثلة[/bold]

careers cache

careers cache --format json

careers cache clear

careers cache build --data my-catalogue.json""",
    "cache clear": """احذف كل الكتالوجات المُجمَّعة (المخازن)؛ يُجمَّع كل منها من جديد حين يُستخدم \
كتالوجه في المرة التالية. لا يُمَسّ شيء آخر في مجلد التخزين المؤقت.

[bold]مثال[/bold]

careers cache clear""",
    "cache build": """جمّع مخزن كتالوج الآن، وأخبرني بمكانه. تجمّعه الأوامر وحدها في الخلفية بعد أن \
يجيب أول أمر يستخدم الكتالوج؛ وهذا الأمر لبرنامج نصي يريده جاهزاً قبل أمره التالي. ويُبقى \
على المخزن المحدَّث كما هو.

[bold]مثال[/bold]

careers cache build --data my-catalogue.json""",
}

_PARAMETERS: dict[str, str] = {
    # the options every command shares
    "*|help": "اعرض هذه المساعدة واخرج.",
    "*|data": "ملف الكتالوج الذي يُستخدم بدلاً من الكتالوج المدمج (أو متغير البيئة CAREERS_DATA).",
    "*|lang": "لغة المخرجات: en (الإنجليزية، الافتراضية) أو ar (العربية).",
    "*|no_color": "بلا ألوان، حتى في الطرفية.",
    "*|debug": "اعرض تتبع الاستدعاءات عند خطأ غير متوقع.",
    "*|output_format": "table للقراءة (الافتراضي)؛ وjson أو csv أو markdown للبرامج النصية "
    "والمستندات؛ وhtml لصفحة تُطبع أو تُرسل، وsvg لصورة من الجدول؛ وcsv-bom صيغة csv يفتحها "
    "Excel على Windows بترميز UTF-8.",
    "*|rtl": "visual: يشكّل البرنامج العربية ويرتّبها بنفسه (الافتراضي في الطرفية، ويُبلغها "
    "بذلك)؛ logical: كما كُتبت (الافتراضي في الأنابيب والملفات وفي Konsole وmlterm).",
    "*|no_cache": "اقرأ ملف الكتالوج نفسه، لا مخزنه المُجمَّع (انظر 'careers cache').",
    # careers
    "|version": "اعرض رقم الإصدار واخرج.",
    "|install_completion": "ثبّت الإكمال التلقائي لـ bash أو zsh أو fish (افتراضياً للصدفة "
    "التي يسمّيها المتغير SHELL).",
    "|show_completion": "اطبع نص الإكمال التلقائي لـ bash أو zsh أو fish، لتثبّته بنفسك.",
    # reading
    "list|skill": "المهن التي تحتاج هذه المهارة فقط (أو تذكر هذه المنصة أو الأداة)، مسمّاة كما "
    "في 'match'؛ كرّره للمهن التي تحتاجها كلها.",
    "list|limit": "اعرض عدداً أقصاه العدد المعطى من المهن (20 افتراضياً)؛ و'all' لعرضها كلها.",
    "show|career": "معرف المهنة أو مسماها أو اسم آخر لها (بالإنجليزية أو العربية)، أو كلمات "
    "منه، أو كتابة قريبة منه.",
    "show|limit": "اعرض عدداً أقصاه العدد المعطى من كل قائمة: الأسماء الأخرى والمهارات المطلوبة "
    "والاختيارية والمهارات المشتركة مع كل مهنة ذات صلة (افتراضياً ما يملأ شاشة أو شاشتين)؛ "
    "و'all' لعرضها كلها.",
    "compare|careers": "من مهنتين إلى 7 مهن، مسمّاة كما في 'show'.",
    "compare|limit": "اعرض عدداً أقصاه العدد المعطى من المهارات (30 افتراضياً)، ما تشترك فيه "
    "مهن أكثر أولاً؛ و'all' لعرضها كلها.",
    "skills|text": "المهارات التي تطابق أسماؤها النص فقط، الأقرب أولاً (كما يجدها 'match').",
    "skills|limit": "اعرض عدداً أقصاه العدد المعطى من المهارات (25 افتراضياً)؛ و'all' لعرضها كلها.",
    "trends|trend": "توجه واحد تقرؤه كاملاً: معرفه (كما يعرضه 'show') أو كلمات من عنوانه.",
    "tips|tip": "نصيحة واحدة تقرؤها كاملة: معرفها (كما يعرضه 'show') أو كلمات من عنوانها.",
    "read|section": "قسم واحد: معرفه أو كلمات من عنوانه (بالإنجليزية أو العربية).",
    # matching and moves
    "match|skill": "مهارة تملكها: معرفها أو اسمها أو اسم آخر لها، بالإنجليزية أو العربية؛ كرّره "
    "لمهارات أكثر. ومن دونه تُستخدم مهارات ملفك الشخصي ('careers profile').",
    "match|require_all": "المهن التي تملك كل المهارات المطلوبة فقط.",
    "match|limit": "اعرض عدداً أقصاه العدد المعطى من المهن (10 افتراضياً؛ و'all' لعرضها كلها؛ "
    "ومع --next-skills: عدداً من المهارات، 5 افتراضياً).",
    "match|next_skills": "بدلاً من المهن: المهارات التي لا تملكها والتي ترفع درجات أفضل 10 مهن "
    "مطابقة لك أكثر من غيرها.",
    "next|career": "مهنتك الحالية، مسمّاة كما في 'show'.",
    "next|limit": "اعرض عدداً أقصاه العدد المعطى من المهن (10 افتراضياً؛ و'all' لعرضها كلها).",
    "gap|source": "مهنتك الحالية، مسمّاة كما في 'show'.",
    "gap|target": "المهنة التي تريدها، مسمّاة كما في 'show'.",
    "gap|limit": "اعرض عدداً أقصاه العدد المعطى من المهارات التي تتعلمها (15 افتراضياً؛ و'all' "
    "لعرضها كلها).",
    # catalogues
    "validate|path": "ملف الكتالوج الذي يُفحص.",
    "validate|limit": "اطبع عدداً أقصاه العدد المعطى من المشكلات (50 افتراضياً)؛ و'all' لكل ما "
    "وُجد منها.",
    "import esco|source": "تنزيل ESCO بصيغة CSV: ملف zip كما نُزّل، أو المجلد الذي يُفك إليه.",
    "import esco|output": "ملف الكتالوج الذي يُكتب؛ و- للمخرج القياسي.",
    "import esco|force": "استبدل الملف إن كان موجوداً.",
    "import esco|lang": "لغة تُستورد، en أو ar؛ كرّره للغتين. افتراضياً كل لغة في التنزيل. "
    "وتُستورد الإنجليزية دائماً: منها تُصنع المعرفات.",
    # the profile
    "profile add|skills": "مهارات أو منصات أو أدوات، مسمّاة كما في 'match --skill'.",
    "profile remove|skills": "مهارات أو منصات أو أدوات، مسمّاة كما في 'match --skill'.",
    "profile clear|force": "احذف ملف الملف الشخصي حتى لو لم يكن ملفاً شخصياً صالحاً.",
}

# The placeholders of the usage lines and the options, in Arabic.
_METAVARS: dict[str, str] = {
    "CAREER": "المهنة",
    "CAREER...": "المهنة...",
    "SKILL": "المهارة",
    "SKILL...": "المهارة...",
    "N": "العدد",
    "PATH": "المسار",
    "FILE": "الملف",
    "FROM": "الحالية",
    "TO": "المقصودة",
    "[TEXT]": "[النص]",
    "[TREND]": "[التوجه]",
    "[TIP]": "[النصيحة]",
    "[SECTION]": "[القسم]",
    "[SHELL]": "[الصدفة]",
}


def arabic_command_help(path: str) -> str | None:
    """The Arabic help of the command at `path` ("" for `careers`, "profile add")."""
    return _COMMANDS.get(path)


def arabic_parameter_help(path: str, name: str) -> str | None:
    """The Arabic help of parameter `name` of the command at `path`: its own, else that of the
    option every command shares."""
    return _PARAMETERS.get(f"{path}|{name}") or _PARAMETERS.get(f"*|{name}")


def arabic_metavar(metavar: str) -> str:
    """A usage placeholder in Arabic; a list of values (`[en|ar]`) stays as it is typed."""
    return _METAVARS.get(metavar, metavar)


def command_paths() -> list[str]:
    """Every command with Arabic help."""
    return list(_COMMANDS)


def parameter_keys() -> list[str]:
    """Every `command|parameter` with Arabic help."""
    return list(_PARAMETERS)
