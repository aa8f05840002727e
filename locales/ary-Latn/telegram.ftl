### Tijara — Telegram: l klam li kayban ghir f Telegram.

# L bouton li taht l clavier mli kansewlo 3la nmra dyal tilifon (request_contact).
tg_share_contact = 📱 Sift nmra dyali
# Kaytsift 9bel so2al fih boutons, bach ytsed l clavier dyal « Sift nmra dyali ».
tg_noted = Mzyan 👌
