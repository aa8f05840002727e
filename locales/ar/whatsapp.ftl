### Tijara — WhatsApp (Twilio): ما تضيفه هذه القناة إلى الرسائل.
### لا أزرار هنا، فالاختيارات مرقّمة؛ يجيب صاحب المقاولة بالرقم أو بالكلمة.

whatsapp_choose_by_number = أجيبوا بالرقم أو بالكلمة.
whatsapp_or_choose_by_number = أو أجيبوا برقم:
