namespace Bayan.Bench;

/// <summary>What the benchmark publishes: an ordinary short Arabic release, marked by a token in its title.</summary>
internal static class ProbeText
{
    public static string Title(string token) => $"بيان لقياس زمن النشر {token}";

    public const string Summary = "بيان قصير ينشره اختبار الأداء ليقيس الزمن بين الحفظ والظهور للقراء.";

    public const string Body = """
        أعلن المكتب الإعلامي اليوم عن بدء أعمال الصيانة الدورية لشبكة المياه في الحي الشمالي، على أن تستمر ثلاثة أيام.

        ## مواعيد الأعمال

        - **اليوم الأول:** فحص الخطوط الرئيسية
        - **اليوم الثاني:** استبدال الصمامات القديمة
        - **اليوم الثالث:** اختبار الضغط وإعادة التشغيل

        ويهيب المكتب بالسكان تخزين ما يكفيهم من المياه خلال هذه الفترة.
        """;
}
