## support — شخص للتحدث معه (flows/support.py)

help_support = للتحدث مع شخص من فريق تجارة، اكتبوا «أريد التحدث مع شخص».
support_opened = تم: سيجيبكم شخص من فريق تجارة هنا، { $when }. حتى ذلك الحين يتوقف البوت عن الرد؛ اكتبوا سؤالكم، فرسائلكم وصوركم تصله. ملفكم محفوظ كما هو.
support_when_unknown = في أقرب وقت
support_when_soon = خلال الدقائق القادمة
support_when_today = اليوم ابتداءً من { $time } (بتوقيت المغرب)
support_when_tomorrow = غدًا ابتداءً من { $time } (بتوقيت المغرب)
support_when_day = يوم { $day } ابتداءً من { $time } (بتوقيت المغرب)
support_day_0 = الاثنين
support_day_1 = الثلاثاء
support_day_2 = الأربعاء
support_day_3 = الخميس
support_day_4 = الجمعة
support_day_5 = السبت
support_day_6 = الأحد
support_waiting = سيجيبكم شخص من فريق تجارة هنا. اكتبوا له ما تريدون، وسيقرؤه.
support_answer = 💬 { $name } (فريق تجارة):
    { $text }
support_closed = انتهت المحادثة مع فريق تجارة. نكمل ملفكم من حيث توقفتم.
words_support = التحدث مع شخص, أريد التحدث مع شخص, مستشار, موظف, الدعم, خدمة العملاء
