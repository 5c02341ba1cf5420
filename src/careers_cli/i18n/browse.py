"""The labels of `careers browse`, in English and Arabic (the views it shows use the commands'
own labels and messages, from `messages`)."""

from __future__ import annotations

from careers_cli.text.language import Language

_BROWSE_LABELS: dict[str, tuple[str, str]] = {
    "search": ("Search careers", "ابحث في المهن"),
    "found": ("{count} of {total} careers", "{count} من {total} مهنة"),
    "optional_skills": ("Optional skills", "مهارات اختيارية"),
    "needed_by": ("Careers that need it", "المهن التي تحتاجها"),
    "listed_by": ("Careers that list it", "المهن التي تذكرها"),
    "your_skills": ("Your skills", "مهاراتك"),
    "your_matches": ("Careers your skills match", "المهن التي تطابق مهاراتك"),
    "no_skills": (
        "No skills yet: open a skill (or a platform or tool) and press a to add it.",
        "لا مهارات بعد: افتح مهارة (أو منصة أو أداة) واضغط a لإضافتها.",
    ),
    "next_moves": ("Nearest careers: choose one for its gap plan", "أقرب المهن: اختر واحدة لخطتها"),
    "gap_to": ("Gap plan to which career?", "خطة الانتقال إلى أي مهنة؟"),
    "export_to": (
        "Save this page as (Markdown; HTML for a name ending .html)",
        "احفظ هذه الصفحة باسم (Markdown؛ HTML لاسم ينتهي بـ ‎.html)",
    ),
    "saved": ("Saved {path}", "حُفظت {path}"),
    "added": ("Added {name} to your profile", "أُضيفت {name} إلى ملفك"),
    "removed": ("Removed {name} from your profile", "أُزيلت {name} من ملفك"),
    "already": ("{name} is in your profile already", "{name} في ملفك من قبل"),
    "key.quit": ("Quit", "خروج"),
    "key.help": ("Help", "مساعدة"),
    "key.back": ("Back", "رجوع"),
    "key.forward": ("Forward", "تقدم"),
    "key.search": ("Search", "بحث"),
    "key.profile": ("My skills", "مهاراتي"),
    "key.next": ("Next moves", "الخطوات التالية"),
    "key.gap": ("Gap to…", "الفجوة إلى…"),
    "key.add": ("Add skill", "أضف المهارة"),
    "key.remove": ("Remove skill", "أزل المهارة"),
    "key.export": ("Save page", "احفظ الصفحة"),
    "help": (
        "Type to narrow the careers; Enter or a click opens one. In a page, Enter or a click on "
        "a skill or career goes there. Keys: / search, s your skills (profile and matches), "
        "a add the open skill (or platform or tool) to your profile, d remove the chosen one, "
        "n the next moves from the open career, g the gap plan to a career you name, "
        "w save the page as Markdown (HTML for a name ending .html), b or Alt+Left back, "
        "f or Alt+Right forward, ? this help, q quit.",
        "اكتب لتضييق المهن؛ Enter أو نقرة تفتح إحداها. في الصفحة، Enter أو نقرة على مهارة أو "
        "مهنة تنتقل إليها. المفاتيح: / البحث، s مهاراتك (الملف والمطابقات)، a أضف المهارة "
        "المفتوحة (أو المنصة أو الأداة) إلى ملفك، d أزل المختارة منه، n الخطوات التالية "
        "من المهنة المفتوحة، g خطة الانتقال إلى مهنة تسميها، w احفظ الصفحة "
        "بصيغة Markdown، أو HTML لاسم ينتهي بـ ‎.html؛ b أو Alt+يسار رجوع، "
        "f أو Alt+يمين تقدم، ? هذه المساعدة، q خروج.",
    ),
}


def browse_label(key: str, language: Language = "en", /, **params: object) -> str:
    """A label of `careers browse` in `language`, its `{placeholders}` filled."""
    english, arabic = _BROWSE_LABELS[key]
    text = arabic if language == "ar" else english
    return text.format(**params) if params else text


def browse_labels() -> dict[str, tuple[str, str]]:
    """Every label of `careers browse` as its (English, Arabic) text."""
    return dict(_BROWSE_LABELS)
