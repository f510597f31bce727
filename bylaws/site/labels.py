"""The words of the site's own interface, in the document's language.

Arabic for Arabic documents, English for everything else; a missing word in
one language falls back to English, so a new label never breaks a page.
"""

from __future__ import annotations

from collections.abc import Mapping

__all__ = ["Labels", "labels_for"]

_EN: dict[str, str] = {
    "text": "Text in force",
    "articles": "Articles",
    "proposals": "Proposals",
    "proposal": "Proposal",
    "consolidated": "Consolidated draft",
    "collisions": "Collisions between proposals",
    "disposition": "Disposition table",
    "overview": "Overview",
    "manual": "User's manual",
    "stage": "Stage",
    "proposer": "Proposed by",
    "submitted": "Submitted",
    "rationale": "Rationale",
    "general_rationale": "General rationale",
    "reviews": "Recommendations and decisions",
    "body": "Body",
    "recommendation": "Recommendation",
    "decision": "Decision",
    "date": "Date",
    "note": "Note",
    "changes": "Changes",
    "counts": "What it changes",
    "old": "Current text",
    "redline": "Changes marked",
    "new": "Proposed text",
    "side_by_side": "Side by side",
    "feedback": "Feedback",
    "instrument": "Formal amendment text",
    "amend": "Amended",
    "insert": "Inserted",
    "repeal": "Repealed",
    "move": "Moved",
    "heading": "Heading amended",
    "legend": "Legend",
    "legend_ins": "added words (underlined)",
    "legend_del": "deleted words (struck through)",
    "none": "—",
    "no_proposals": "No proposal touches this article.",
    "no_feedback": "No feedback yet.",
    "no_collisions": "No two proposals touch the same article.",
    "rel_collide": "collide",
    "rel_mergeable": "mergeable",
    "rel_duplicate": "duplicate",
    "rel_none": "",
    "clash": "the same words",
    "touching": "Proposals touching this article",
    "current": "Text in force",
    "switch_adopted": "with the adopted proposals applied",
    "switch_recommended": "with the recommended proposals applied",
    "applied": "Proposals applied",
    "not_applied": "Could not be applied",
    "from_proposal": "from proposal",
    "unchanged": "unchanged",
    "repealed_article": "This article is repealed.",
    "moved_to": "moved",
    "shared_articles": "Articles both touch",
    "verdict_adopt": "adopt",
    "verdict_adopt-modified": "adopt as modified",
    "verdict_reject": "reject",
    "verdict_refer-back": "refer back",
    "verdict_withdrawn": "withdrawn",
    "verdict_superseded": "superseded",
    "permalink": "Permanent link",
    "see_article": "Article page",
    "see_in_text": "In the text",
    "comment_by": "by",
    "on": "on",
    "broken_ref": "reference to nothing",
    "new_article": "new article",
    "section_drafting": "Drafting",
    "section_reviewing": "Reviewing",
    "section_cli": "Command line",
    "section_reference": "Reference",
    "section_guides": "Guides",
    "documents": "Documents",
    "print_legend": "Underlined: added. Struck through: deleted.",
}

_AR: dict[str, str] = {
    "text": "النص النافذ",
    "articles": "المواد",
    "proposals": "المقترحات",
    "proposal": "المقترح",
    "consolidated": "المسودة الموحدة",
    "collisions": "تداخل المقترحات",
    "disposition": "جدول البت",
    "overview": "نظرة عامة",
    "manual": "دليل الاستخدام",
    "stage": "المرحلة",
    "proposer": "مقدم المقترح",
    "submitted": "تاريخ التقديم",
    "rationale": "التعليل",
    "general_rationale": "الأسباب الموجبة",
    "reviews": "التوصيات والقرارات",
    "body": "الهيئة",
    "recommendation": "التوصية",
    "decision": "القرار",
    "date": "التاريخ",
    "note": "ملاحظة",
    "changes": "التعديلات",
    "counts": "ما يغيّره المقترح",
    "old": "النص الحالي",
    "redline": "التعديلات معلّمة",
    "new": "النص المقترح",
    "side_by_side": "جنباً إلى جنب",
    "feedback": "الملاحظات",
    "instrument": "الصيغة الرسمية للتعديل",
    "amend": "تعديل",
    "insert": "إضافة",
    "repeal": "إلغاء",
    "move": "نقل",
    "heading": "تعديل عنوان",
    "legend": "مفتاح القراءة",
    "legend_ins": "كلمات مضافة (تحتها خط)",
    "legend_del": "كلمات محذوفة (مشطوبة)",
    "none": "—",
    "no_proposals": "لا يمسّ هذه المادة أي مقترح.",
    "no_feedback": "لا ملاحظات بعد.",
    "no_collisions": "لا يمسّ مقترحان المادة نفسها.",
    "rel_collide": "متعارضان",
    "rel_mergeable": "قابلان للدمج",
    "rel_duplicate": "متطابقان",
    "rel_none": "",
    "clash": "الكلمات نفسها",
    "touching": "المقترحات التي تمسّ هذه المادة",
    "current": "النص النافذ",
    "switch_adopted": "بعد تطبيق المقترحات المعتمدة",
    "switch_recommended": "بعد تطبيق المقترحات الموصى بها",
    "applied": "المقترحات المطبقة",
    "not_applied": "تعذّر تطبيقه",
    "from_proposal": "من المقترح",
    "unchanged": "دون تغيير",
    "repealed_article": "هذه المادة ملغاة.",
    "moved_to": "نُقلت",
    "shared_articles": "المواد المشتركة",
    "verdict_adopt": "اعتماد",
    "verdict_adopt-modified": "اعتماد مع تعديل",
    "verdict_reject": "رفض",
    "verdict_refer-back": "إعادة للدراسة",
    "verdict_withdrawn": "سُحب",
    "verdict_superseded": "حلّ محله مقترح آخر",
    "permalink": "رابط دائم",
    "see_article": "صفحة المادة",
    "see_in_text": "في النص",
    "comment_by": "من",
    "on": "على",
    "broken_ref": "إحالة إلى غير موجود",
    "new_article": "مادة جديدة",
    "section_drafting": "الصياغة",
    "section_reviewing": "المراجعة",
    "section_cli": "سطر الأوامر",
    "section_reference": "المرجع",
    "section_guides": "أدلة",
    "documents": "الوثائق",
    "print_legend": "ما تحته خط: مضاف. ما عليه شطب: محذوف.",
}


class Labels:
    """Interface words for one language: `labels["proposals"]`."""

    def __init__(self, lang: str, words: Mapping[str, str]) -> None:
        self.lang = lang
        self._words = words

    def __getitem__(self, key: str) -> str:
        return self._words.get(key) or _EN[key]

    @property
    def rtl(self) -> bool:
        return self.lang == "ar"


def labels_for(lang: str) -> Labels:
    """The labels for a BCP 47 language tag ("ar", "ar-EG", "en", "fr")."""
    primary = lang.split("-")[0].lower()
    return Labels("ar", _AR) if primary == "ar" else Labels("en", _EN)
