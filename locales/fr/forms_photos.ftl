## forms_photos — a photo taken out of the form (flows/forms.py, bot/static/form.js)

form_ui_photo = Photo
form_ui_remove_photo = Retirer
form_ui_confirm_remove = Retirer cette photo ?
form_ui_cancel = Annuler
form_photo_removed = Photo retirée ({ $count } en tout).
form_photo_gone = Cette photo n'y est plus. Voici les photos telles qu'elles sont.
