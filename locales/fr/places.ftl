## places — un village que personne n'a listé, une position partagée
# Après une ville ou un village inconnu : la grande ville la plus proche, avant les 12 régions.
ask_nearest_town = Je ne connais pas encore « { $city } ». Quelle est la grande ville la plus proche ?{ $how }
share_location_telegram = {" "}Vous pouvez aussi choisir « 📍 Envoyer ma position » en bas.
share_location_whatsapp = {" "}Vous pouvez aussi envoyer votre position : 📎 (ou +), puis « Position ».
share_location_web = {" "}Vous pouvez aussi choisir « 📍 Partager ma position ».
place_near_noted = C'est noté : { $village }, près de { $city }, région { $region }.
# Une position partagée : la ville la plus proche, à confirmer.
place_confirm = Près de { $city }, région { $region } : c'est bien ça ?
place_confirm_village = { $village }, près de { $city }, région { $region } : c'est bien ça ?
place_not_asked = Merci, mais je n'ai pas besoin de votre position ici.
place_unreadable = Je n'ai pas pu lire cette position. Écrivez le nom de votre ville ou de votre village.
place_abroad = Cette position semble être hors du Maroc. Tijara accompagne les entreprises installées au Maroc : dans quelle ville marocaine se trouve la vôtre ?
# Telegram : le bouton du clavier qui envoie la position.
tg_share_location = 📍 Envoyer ma position
# Chat web : le bouton, et ce qui s'affiche si la position n'est pas disponible.
ui_location = 📍 Partager ma position
ui_location_denied = La position n'a pas été partagée. Vous pouvez écrire le nom de la ville.
