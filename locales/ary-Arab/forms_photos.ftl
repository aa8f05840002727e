## forms_photos — a photo taken out of the form (flows/forms.py, bot/static/form.js)

form_ui_photo = تصويرة
form_ui_remove_photo = حيد
form_ui_confirm_remove = نحيدو هاد التصويرة؟
form_ui_cancel = لا، خليها
form_photo_removed = التصويرة تحيدات ({ $count } ف المجموع).
form_photo_gone = هاد التصويرة ما بقاتش. هاهوما التصاور كيفما هوما دابا.
