### Tijara — WhatsApp (Twilio): شنو كيزيد هاد الكانال للميساجات.
### بلا بوطونات، الاختيارات كتجي بالرقم؛ الباطرون كيجاوب بالرقم ولا بالكلمة.

whatsapp_choose_by_number = جاوب بالرقم ولا كتب الكلمة.
whatsapp_or_choose_by_number = ولا جاوب بالرقم:
