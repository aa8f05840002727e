## forms — the onboarding as one form (flows/forms.py, web chat form mode, Telegram Mini App)

form_field_region = Région
form_field_price_unit = Unité du prix
form_field_moq_unit = Unité de la quantité
form_help_region = Seulement si votre ville n'est pas reconnue (un village, un douar).
form_help_moq_unit = En pièces, en kilos, en litres… (si la quantité ne le dit pas déjà)
form_closed = Le formulaire n'est pas disponible à cette étape. Continuons ici :
form_saved = C'est noté, merci ! Voici la suite.
form_not_saved = Certaines réponses n'ont pas été gardées ; vérifiez :
    { $fields }
form_photo_added = Photo reçue ({ $count } en tout).
form_need_region = Dans quelle région se trouve « { $city } » ? Choisissez-la dans la liste.
form_need_unit = Choisissez l'unité dans la liste.
form_city_suggest = Nous ne connaissons pas « { $city } ». Vouliez-vous dire : { $names } ?
form_ui_open = Remplir comme un formulaire
form_ui_title = Votre entreprise et votre produit
form_ui_business = Votre entreprise
form_ui_product = Produit { $number }
form_ui_new_product = + Un autre produit
form_ui_save = Enregistrer
form_ui_back = Revenir à la conversation
form_ui_add_photo = Ajouter une photo
form_ui_photos = { $count } photo(s)
form_ui_optional = facultatif
form_ui_choose = Choisir…
form_ui_error = Une erreur est survenue. Réessayez dans un instant.
form_ui_refused = Ce lien n'est plus valable. Ouvrez de nouveau le formulaire depuis la conversation.
form_telegram_offer = Vous pouvez aussi tout remplir d'un coup dans un formulaire :
ui_form = Remplir comme un formulaire
